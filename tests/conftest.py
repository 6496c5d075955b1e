"""The Hypothesis profile of the whole suite, from UNBLAME_HYPOTHESIS_PROFILE (see fuzzing.py)."""

from __future__ import annotations

from fuzzing import PROFILE, THOROUGH_FACTOR
from hypothesis import settings

# For the properties that set no count of their own (Hypothesis's default is 100).
settings.register_profile("everyday", max_examples=100)
settings.register_profile("thorough", max_examples=100 * THOROUGH_FACTOR)
settings.load_profile(PROFILE)

"""`unblame demo`: load a dozen realistic incidents to explore unblame with."""

from __future__ import annotations

import argparse

from .server import start_django

NAME = "demo"
HELP = "Load the demo incidents into the web app."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reset",
        action="store_true",
        help="delete every incident and service, then load the demo afresh",
    )


def run(args: argparse.Namespace) -> int:
    start_django()
    from unblame.incidents.demo import load_demo

    count = load_demo(reset=args.reset)
    if count:
        print(f"Loaded {count} demo incidents.")
    else:
        print("The demo incidents are already loaded; --reset reloads them.")
    return 0

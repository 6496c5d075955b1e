"""Word lists the rules share, as regular-expression fragments.

Each slot is expanded into rule patterns once, when the rules compile. The
lists encode the guide's animacy principle: most blame needs a human agent,
so the rules ask for one of these before they fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .names import build_index, name_spans, roster_indexes
from .trie import trie_pattern
from .verb_words import IRREGULAR_PARTICIPLES, past_form


def _variants(*words: str) -> list[str]:
    """Each word with its plural, and hyphenated words also written closed up."""
    out: list[str] = []
    for word in words:
        forms = {word, word + "s"} if not word.endswith("s") else {word}
        out.extend(forms)
        out.extend(f.replace("-", "") for f in forms if "-" in f)
    return out


# Roles people hold in incident work. "team" counts: blaming a team is still
# blaming people, while a service acting as a system is never on this list.
ROLE_WORDS = (
    *_variants(
        "engineer",
        "developer",
        "dev",
        "programmer",
        "coder",
        "on-call",
        "on-caller",
        "operator",
        "admin",
        "administrator",
        "sysadmin",
        "sre",
        "dba",
        "intern",
        "contractor",
        "new hire",
        "new starter",
        "starter",
        "junior",
        "senior",
        "manager",
        "release manager",
        "lead",
        "cto",
        "ceo",
        "vp",
        "reviewer",
        "committer",
        "maintainer",
        "author",
        "employee",
        "staffer",
        "colleague",
        "co-worker",
        "teammate",
        "guy",
        "individual",
        "responder",
        "commander",
        "approver",
        "assignee",
        "technician",
        "tech",
        "vendor",
        "human",
        "member",
        "moderator",
        "bureaucrat",
        "driver",
        "cop",
        "officer",
        "owner",
        "analyst",
        "architect",
        "nitwit",
        "supplier",
        "provider",
        "partner",
        "contributor",
        "buddy",
        "clerk",
        "crew",
        "electrician",
        # People outside engineering whose slips reach incident write-ups too.
        # Not "supervisor", "coordinator", "dispatcher", "cleaner", "janitor",
        # "guard" or "agent": each also names a process or a safeguard.
        "captain",
        # A pilot project is "the pilot" before a noun ("the pilot rollout"): the
        # clause model reads a subject's last noun, and ROLE_NOUNS guards the word.
        "pilot",
        "releaser",
        "deployer",
        "steward",
        "bookkeeper",
        "accountant",
        "auditor",
        "consultant",
        "specialist",
        "director",
        "executive",
        "official",
        "secretary",
        "receptionist",
        "nurse",
        "doctor",
        "scientist",
        "researcher",
        "designer",
        "trainee",
        "apprentice",
        "newbie",
        "rookie",
        "volunteer",
        "student",
        "boss",
        "mechanic",
        "representative",
        "cashier",
        "hire",
        "deployer",
        "helpdesk",
        "help desk",
        "service desk",
        # Trades that reach incident reports from rail, utilities and hospitals.
        *("signaller", "signalman", "pharmacist", "fitter", "porter", "physician", "surgeon"),
        *("paramedic", "midwife", "plumber", "painter", "decorator", "locksmith", "welder"),
        # Crews of aircraft, trains and ships, as safety reports name them.
        *("co-pilot", "helmsman", "deckhand", "crewman", "crewmember", "crane-operator"),
        # More trades and offices that news of outages and accidents names. Not "builder",
        # "miner", "courier", "inspector", "tester", "chef" or "trader": each also names a
        # program or a service.
        *("lineman", "linemen", "linesman", "foreman", "repairman", "handyman", "roofer"),
        *("subcontractor", "trucker", "firefighter", "sergeant", "soldier", "sailor", "seaman"),
        *("attendant", "motorman", "brakeman", "switchman", "trackworker", "shunter", "surveyor"),
        *("groundsman", "webmaster", "superintendent", "founder", "cofounder", "co-founder"),
        *("cio", "cfo", "anesthetist", "anaesthetist", "radiographer", "caregiver", "carer"),
        *("dentist", "veterinarian", "lawyer", "attorney", "landlord", "waiter", "bartender"),
        "farmer",
        # Clinical and clerical roles from inspection reports; a prescriber, a clinician, a
        # requester name only people.
        *("prescriber", "clinician", "locum", "aide", "teller", "submitter", "requester"),
    ),
    # Departments and organisations act through people; users and customers are
    # left out (they are the ones affected), and so is "worker" (mostly a process).
    "operations",
    "engineering",
    "leadership",
    "facilities",
    "management",
    "isp",
    "man",
    "woman",
    "staff",
    "personnel",
    "team",
    # "the city's IT department pushed …": a department acts through its people.
    "department",
    "squad",
    "folks",
    "person",
    "people",
    "on-duty",
    "onduty",
    "ops",
    "qa",
    "noc",
    "sales",
    "marketing",
    "someone",
    "somebody",
    "ic",
)
ROLE_SET = frozenset(w.lower() for w in ROLE_WORDS)
# A pilot is a person, but "the pilot rollout", "a pilot program" is a trial.
_PILOT = (
    r"pilot(?!s?\s+(?:roll-?outs?|program|programme|project|phase|run|test|launch|deployment"
    r"|release|customers|users|group|cohort|study|scheme|sites?|version|period|stage|build"
    r"|feature)\b)"
)
# Trades no list can hold, known by their endings: "the signalman", "a millwright",
# "two linesmen", "the technician". Not words that only look so ("German"; "human" and
# "woman" are too short for the three letters before the ending), nor products named so
# ("Postman" sends API requests).
ROLE_ENDINGS = r"[a-z][a-z][a-z]+(?:man|men|wright|ician)"
NOT_ROLE_ENDINGS = frozenset(
    {"german", "germans", "ottoman", "postman", "batman", "superman", "pacman", "walkman"}
    | {"talisman", "caiman", "doberman", "dobermans", "walkmen"}
)
_ROLE_ENDINGS_RE = re.compile(ROLE_ENDINGS)
ROLE_NOUNS = (
    trie_pattern(tuple(w for w in ROLE_WORDS if w != "pilot"))
    + "|"
    + _PILOT
    + r"|(?<![\w-])(?!(?:"
    + "|".join(sorted(NOT_ROLE_ENDINGS))
    + r")\b)"
    + ROLE_ENDINGS
    + r"(?=s?\b)"
)


def is_role(low: str) -> bool:
    """Whether the lower-case word names someone by a trade or role."""
    return low in ROLE_SET or (
        _ROLE_ENDINGS_RE.fullmatch(low) is not None and low not in NOT_ROLE_ENDINGS
    )


PERSON_PRONOUNS = trie_pattern(("he", "she", "they", "you", "we", "him", "her", "them", "us"))

# Plural roles read as people even without a determiner: "Engineers should…".
BARE_WORDS = (
    "engineers",
    "developers",
    "devs",
    "operators",
    "admins",
    "sysadmins",
    "sres",
    "reviewers",
    "maintainers",
    "responders",
    "on-callers",
    "oncallers",
    "employees",
    "people",
    "folks",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "whoever",
    "staff",
    "personnel",
    "ops",
    "qa",
    "noc",
    "marketing",
    # "we don't let interns near production".
    "interns",
    "contractors",
    "juniors",
    "trainees",
    "technicians",
    "pilots",
)
BARE_PLURALS = trie_pattern(BARE_WORDS) + r" | team\ (?-i:[A-Zꙮ])\w+"

# Plural nouns for people, the bare ones above and those no role list holds because they
# are the ones affected ("emailed 200,000 customers because they …"): what "they" can
# point back at without being things.
PEOPLE_PLURALS = frozenset(
    {"customers", "users", "clients", "humans", "members", "colleagues", "teams", "departments"}
    | {"students", "visitors", "readers", "subscribers", "players", "friends", "kids", "managers"}
    | {"volunteers", "contributors", "partners", "vendors", "owners", "authors", "officials"}
    | {"sales", "ops", "folks", "guys", "others", "admins"}
    | set(BARE_WORDS)
)

# "one engineer", "a single fitter": a person singled out.
DETERMINERS = rf"(?:{trie_pattern(('the', 'a', 'an', 'our', 'their', 'your', 'his', 'her', 'that', 'this', 'some', 'one'))}|one\ of\ (?:the|our)|a\ single)"

# Where a person mention may start: at a word start, never inside a word or
# an @handle. Checked first, it spares the alternatives below at most
# positions, which keeps the PERSON-led rules fast.
_WORD_START = r"(?<![\w@'’-])(?=[\w@])"

# A person mention: a pronoun, an @handle, a role noun behind a determiner, or
# a roster name. Names are added per configuration in `person_pattern`.
_PERSON_BASE = (
    rf"(?:\b(?:{PERSON_PRONOUNS})\b"
    r"|@[\w-]+"
    rf"|\b{DETERMINERS}\s+(?:[\w'’-]+\s+){{0,2}}?(?:{ROLE_NOUNS})\b"
    r"|\b(?:someone|somebody|nobody)\b"
    rf"|\b(?:{BARE_PLURALS})\b)"
)


def _load_given_names() -> frozenset[str]:
    # Read beside this file rather than through importlib.resources, whose
    # import cost every `unblame lint` about 25 ms of CPU (a sixth of a start-up).
    text = (Path(__file__).parent / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


GIVEN_NAMES = _load_given_names()


# People's names are found in one case-sensitive pass before the rules run,
# and their first letter is swapped for this marker in the masked text. The
# rules then match a name as `ꙮ\w*` instead of carrying the whole name list
# in every pattern, which made compiling the rules five times slower.
NAME_MARK = "ꙮ"
_NAMED = rf"{NAME_MARK}[\w'’-]*"


_GIVEN_INDEX = build_index(GIVEN_NAMES)


def mark_names(text: str, roster: Iterable[str] = ()) -> str:
    """`text` with the first letter of every known name replaced by NAME_MARK.

    Known names are the given names and `roster`, matched as `names.name_spans`
    describes; the result has the same length, so offsets still index the
    source.
    """
    spans = name_spans(text, _GIVEN_INDEX, *roster_indexes(roster))
    # A given name after a place's first word is the place: "San Francisco", "St Helena".
    spans = [
        span for span in spans if not _PLACE_PREFIX_RE.search(text, max(0, span[0] - 8), span[0])
    ]
    spans = sorted({*spans, *_lowercase_names(text)})
    if not spans:
        return text
    parts: list[str] = []
    done = 0
    for start, _end in spans:
        parts.append(text[done:start])
        parts.append(NAME_MARK)
        done = start + 1
    parts.append(text[done:])
    return "".join(parts)


_PLACE_PREFIX_RE = re.compile(
    r"(?<![\w'’-])(?:San|Santa|Santo|São|Sao|St\.?|Saint|Sainte|Ste\.?|Los|Las|El|Fort|Port|Mount|Mt\.?|Lake"
    r"|Cape|Glen|Villa|Puerto|Porto|Novo|Nova)\s+$"
)


# In a line written all in lower case, as chat often is, case says nothing about
# names: a given name there is a person when a past-tense verb follows it ("ugh
# kevin pushed the wrong tag"). The given names leave out everyday words; these
# are also common tokens in lower-case technical text.
_LOWERCASE_AMBIGUOUS = frozenset({"sam", "ama", "ana", "ola", "yee", "kai", "max", "jan"})
# Every one-word given name, lower-cased: what the clause model asks before it reads a
# capitalised word as something other than a name.
LOWER_GIVEN_NAMES = frozenset(n.lower() for n in GIVEN_NAMES if " " not in n)
_LOWER_GIVEN = LOWER_GIVEN_NAMES - _LOWERCASE_AMBIGUOUS
_LOWER_NAME_THEN_PAST_RE = re.compile(r"(?<![\w@'’-])([a-z]+)(?=\s+([a-z]+)\b)")


def _lowercase_names(text: str) -> list[tuple[int, int]]:
    """Spans of given names written in lower case, in lines with no capital letter."""
    found = []
    start = 0
    for line in text.splitlines(keepends=True):
        if line.islower():  # letters, none of them upper case
            for match in _LOWER_NAME_THEN_PAST_RE.finditer(line):
                name, verb = match.groups()
                if name in _LOWER_GIVEN and past_form(verb):
                    found.append((start + match.start(1), start + match.end(1)))
        start += len(line)
    return found


def person_pattern() -> str:
    """The PERSON slot: pronouns, @handles, roles and marked names."""
    return rf"{_WORD_START}(?:{_PERSON_BASE[3:-1]}|{_NAMED})"


def other_pattern() -> str:
    """The OTHER slot: another person than the writer, marked names included."""
    return rf"{_WORD_START}(?:{OTHER[3:-1]}|{_NAMED})"


# Past participles, so "should have rolled back" (a judged action) is told
# apart from "should have write access" (a design statement).
PARTICIPLE = (
    r"(?:(?:\w+ly|also|just|at\s+least|then|first|been|double|triple|cross)\s+)?"
    r"(?:[\w-]+ed|\w+en|\w+wn|" + "|".join(IRREGULAR_PARTICIPLES) + r")\b"
)

# Outcomes a person can be held "responsible for" in the blaming sense.
BAD_OUTCOME = r"""
    (?:\w+\s+)?(?:outage|incident|failure|breakage|mess|downtime|data\s+loss|loss|regression
    |corruption|page\s+storm|delay|sev\s?\d|errors?|bug|damage|disaster)
"""

# Any character that does not end the sentence: a period, "!" or "?" counts as
# an end only before white space, as in the engine's sentence windows (v1.2
# stays inside its sentence).
IN_SENTENCE = r"(?:[^.!?\n]|[.!?](?!\s))"

# Nouns for someone doing a job that are mostly processes in software ("worker",
# "agent", "controller") but are people in news of trades and operations ("a
# maintenance worker", "the duty supervisor"): the rules that use them want a
# determiner, a trade or a headline around them.
WORKER_WORDS = (
    "worker",
    "agent",
    "guard",
    "supervisor",
    "dispatcher",
    "installer",
    "controller",
    "planner",
)

# Trades and departments before a WORKER noun make it a person ("a maintenance
# worker", "the duty supervisor", "an air traffic controller"): the clause model
# and the OTHER and PERSON slots read the same list.
TRADE_WORDS = (
    *("maintenance", "construction", "site", "field", "facilities", "facility", "contract"),
    *("utility", "cleaning", "warehouse", "factory", "datacenter", "data-center", "road", "city"),
    *("council", "electrical", "railway", "temp", "agency", "office", "it", "support", "tech"),
    *("security", "customer", "night", "shift", "duty", "desk", "traffic", "ground", "floor"),
)
_TRADE_WORKER = rf"(?:{trie_pattern(TRADE_WORDS)})\s+(?:{trie_pattern(WORKER_WORDS)})s?"

# A capitalised word that can be a person no list knows ("Vasco", a marked name): not a
# pronoun, article or opener starting the sentence ("It", "The", "Last"), nor a day, a
# month or a product ("Friday's big mistake" is the day's). One fragment for every rule
# that takes a capitalised word for someone.
CAPITALISED_PERSON = r"""(?-i:\b(?!(?:It|This|That|The|An|We|He|She|They|Our|Their|Its|There|Here|What
    |Who|Where|When|Let|Last|Next|Nobody|No|None|Nothing|Today|Yesterday|Tonight|Tomorrow
    |Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May
    |June|July|August|September|October|November|December|GitHub|Slack)\b)[A-Zꙮ][a-z]+)"""

# Someone a rule may name: another person as the OTHER slot reads them, an @handle,
# or a capitalised word that can be a person ({NAMELIKE}). It holds the OTHER and
# NAMELIKE slots, which `expand` fills after it.
SOMEONE = r"(?:{OTHER}|@[\w-]+|{NAMELIKE})"

# A slip named as a noun, the thing someone can own ("my oversight", "a mistake
# on Dana's part", "the typo I made"). Not an error rate, budget or message, and
# not oversight as supervision ("oversight of the vendor", "the oversight board").
SLIP = r"""
    (?:mistake|blunder|screw-?\s?up|fuck-?\s?up|slip-?up|goof|typo|boo-?boo|brain\s?fart|misstep
    |gaffe|fumble|cock-?up|balls-?up|oopsie|whoopsie|flub|blooper|faux\s+pas
    |error(?!\s+(?:rate|budget|code|message|handling|log|count|path|page|state|response|bar)s?\b)
    |oversight(?!\s+(?:of(?!\s+(?:mine|yours|his|hers|theirs)\b)|over|board|body|committee|role|function|responsibilit\w+|duties)\b))s?
"""

# Checking again by hand, however it is spelled ("double-check", "triple check"): one
# spelling for the rules (the {RECHECK} slot) and the sentence model's cues.
RECHECK = r"(?:double|triple)[-\s]?check"

# "Should have" with the act left unsaid, at the end of a clause: "… hit a spot they
# should not have", "… when I really shouldn't have". One spelling for the rules of
# another's hindsight (UB301) and the writer's own (UB204): the {SHOULD_HAVE_UNSAID} slot.
SHOULD_HAVE_UNSAID = r"""
    (?:really\s+|probably\s+|definitely\s+)?
    (?:should(?:n't|n’t|\s+not|\s+never)?\s*(?:have|'ve|’ve)|should've|shouldn't've
    |ought\s+(?:not\s+)?to\s+have)(?=\s*(?:[.,;:!?)]|$))
"""

# The pieces of work a change is made of: a person's ("your PR", "my refactor") or none
# named ("Fix for #346 broke the build"). The sentence model (`agents`) and the rules that
# judge a person's work read this one list.
WORK_WORDS = (
    *("pr", "prs", "change", "changes", "commit", "commits", "hotfix", "fix", "code", "script"),
    *("migration", "deploy", "deployment", "config", "patch", "merge", "release", "upgrade"),
    *("update", "edit", "query", "cron", "refactor", "diff", "branch", "push", "rule", "rules"),
    *("rebase", "force-push", "rewrite", "rewrites"),
)

# A piece of work judged a mistake: "was a mistake", "was rushed", "was a bad call".
WORK_VERDICT = r"""
    (?:(?:clearly|definitely|obviously|totally|completely|probably|just|really|simply|a\s+bit
      |way\s+too|too|kind\s+of|pretty)\s+)?
    (?:an?\s+(?:[\w-]+\s+)?(?:mistake|blunder|screw-?up|error|oversight|bad\s+(?:idea|call|move|decision)
      |poor\s+(?:idea|call|decision|choice))
    | wrong | premature | careless | sloppy | rushed | reckless | ill-advised | ill-considered | hasty)\b
"""

# What joins a piece of work to a verdict, in the past: the act is done ("my merge of the
# auth branch was …"); "my config is wrong somewhere" asks for help.
WORK_TOLD_AS_DONE = (
    r"(?:\s+(?:of|to|on|in|for|into)\s+(?:[\w./\#-]+\s+){1,3}?|\s+)(?:was|were|has\s+been)"
)

WORK_VERDICT_TRIGGERS = (
    *("mistake", "blunder", "screw", "error", "oversight", "bad idea", "bad call", "bad move"),
    *("bad decision", "poor", "wrong", "premature", "careless", "sloppy", "rushed", "reckless"),
    *("ill-advised", "ill-considered", "hasty"),
)

# Right after a firm named as a role, its possessive: "caused by our cloud provider's load
# balancers" tells of the firm's thing failing, not of a person's act.
FIRMS_THING = (
    r"(?:(?<=provider)|(?<=vendor)|(?<=supplier)|(?<=partner))['’]s\s"
    r"|(?:(?<=providers)|(?<=vendors)|(?<=suppliers)|(?<=partners))['’]\s"
)

# The acts that let a change out, which a check is meant to come before: "merged it before
# CI finished", "I published the package without the tests". One list for the writer's
# own slip (UB205) and another's (the slip cue's ahead-of-check shape).
RELEASE_ACTS = (
    r"merged|pushed|deployed|released|shipped|approved|published|tagged|launched|uploaded|applied"
)

# The acts of reading, which ask for care only when what is read is not at hand: "please
# check your config", not "please check the attached log" ({POINTER_AT_HAND}).
READING_VERBS = ("check", "read", "look")
READING = rf"(?:{'|'.join(READING_VERBS)})\b"

# A request to read what is at hand, after "check", "read" or "look": "please check the
# attached log", "please look at the status page for updates". It asks for attention now,
# not for care next time.
POINTER_AT_HAND = (
    r"[^.!?\n]{0,40}?\b(?:attached|linked|enclosed|below|above|following"
    r"|for\s+(?:details|updates|more|further|context))\b"
)

# The harm a person is mock-thanked or mock-praised for: "thanks for breaking staging",
# "great job deleting the replica".
# Deleting, wiping, dropping and killing count only with something live or shared as the
# object: "thanks for deleting the stale branches" is thanks.
HARM_GERUND = (
    r"(?:breaking|force-pushing|taking\s+(?:\w+\s+)?down|nuking|crashing|trashing|bricking|clobbering"
    r"|(?:deleting|wiping|dropping|killing)\s+(?:the\s+|our\s+|all\s+|my\s+)?(?:[\w-]+\s+)?(?:prod\w*|production"
    r"|staging|shared|live|primary|database|db|cluster|replicas?|bucket|data|backups?|runners?|servers?))"
)

SLOTS = {
    "RECHECK": RECHECK,
    "RELEASE_ACTS": RELEASE_ACTS,
    "HARM_GERUND": HARM_GERUND,
    "POINTER_AT_HAND": POINTER_AT_HAND,
    "READING": READING,
    "WORK": rf"(?:{trie_pattern(WORK_WORDS)})",
    "WORK_VERDICT": WORK_VERDICT,
    "WORK_TOLD_AS_DONE": WORK_TOLD_AS_DONE,
    "SHOULD_HAVE_UNSAID": SHOULD_HAVE_UNSAID,
    "INSENT": IN_SENTENCE,
    "SOMEONE": SOMEONE,
    "NAMELIKE": CAPITALISED_PERSON,
    "SLIP": SLIP,
    "WORKER": rf"(?:{trie_pattern(WORKER_WORDS)})",
    "BAD_OUTCOME": BAD_OUTCOME,
    "PARTICIPLE": PARTICIPLE,
    "ROLE": rf"(?:{ROLE_NOUNS})",
    "FIRMS_THING": FIRMS_THING,
}

# Another person than the writer: blame of others, not of oneself or of "we".
# The words between a determiner and its noun are modifiers, never a verb: "this isn't
# the engineer's fault" has no "this … engineer" in it.
_MODIFIER = (
    r"(?!(?:is|was|are|were|be|been|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|not|has|had|have"
    r"|did|does|will|would|should|could|can|may|might|must"
    # A verb of saying opens a reported clause: "the vendor claimed operator error …".
    r"|said|says|claimed|claims|admitted|reported|stated|argued|insisted|noted|confirmed|told)\s)"
    r"[\w'’-]+\s+"
)
OTHER = (
    r"(?:\b(?:he|she|you)\b|@[\w-]+"
    rf"|\b{DETERMINERS}\s+(?:{_MODIFIER}){{0,2}}?(?:{ROLE_NOUNS})\b"
    rf"|\b{DETERMINERS}\s+(?:{_MODIFIER})?{_TRADE_WORKER}\b"
    rf"|\b(?:{BARE_PLURALS})\b)"
)

# Strong actions in the RCA² hierarchy: a remedy that puts a mechanism in
# place changes the system, so it is not a "try harder" remedy even when it
# also says "make sure". A mechanism noun counts when a verb builds it ("add a
# presubmit check") or when it is the one acting ("the deploy script checks").
_MECHANISM = r"""
    (?:scripts? | ci | pipelines? | pre-?commit | pre-?submit | presubmit | linters? | lint\ rules?
    | bots? | alerts? | alerting | monitors? | monitoring | guardrails? | tests? | e2e | tooling | tools?
    | feature\ flags? | canar(?:y|ies) | rate\ limits? | limits? | quotas? | branch\ protection
    | protected\ branch\w* | required\ (?:checks?|reviews?|status) | hooks? | gates? | interlocks?
    | forcing\ functions? | dashboards? | safeguards? | checks? | jobs? | stages? | steps? | defaults?
    | dry-?runs? | confirmations? | prompts? | validations? | validators? | policies\ in\ code
    | automation | workflows? | cron\ jobs? | timeouts? | circuit\ breakers? | locks?)
"""
# A rule added that asks a manual step of people: "Adds an explicit requirement to run the
# tests locally before pushing" (not "a requirement that CI passes", which a gate holds).
# The tests it names are no safeguard added, so STRONG_ACTION's "add … tests" skips it.
MANUAL_RULE = (
    r"\b(?:add|adds|added|adding|introduce[sd]?|introducing)\s+(?:an?\s+)?(?:new\s+|explicit\s+|strict\s+"
    r"|formal\s+)?(?:requirement|rule)\s+(?:that\s+(?:[\w-]+\s+){1,3}?(?:must|should|have\s+to|need\s+to)\s+"
    r"(?:be\s+)?|to\s+|for\s+(?:[\w-]+\s+){1,3}?to\s+)(?:run|ran|test|check|verify|review|read|double-check"
    r"|confirm)\w*\b(?=[^.!?]{0,40}?\b(?:locally|manually|by\s+hand|yourself|themselves)\b)"
)

STRONG_ACTION = rf"""
    \bautomat\w* | \bauto-\w+ | \bblock\w*\s+(?:the\s+)?(?:merge|deploy|release|push)
    # A setting that takes the choice away: "configure GitHub so that you can't push to main".
    | \b(?:configur\w*|set\s+up|setting\s+up|lock\w*\s+down)\s+(?:[\w.-]+\s+){{0,4}}?so\s+(?:that\s+)?
      (?:you|we|people|nobody|no\s+one|anyone|it)\s+(?:can['’]?t|cannot|can\s+no\s+longer|won['’]t|will\s+not)\b
    # The slip made impossible rather than less likely: "make sure the mistake can't happen
    # again", "ensure this cannot recur".
    | \b(?:make\s+sure|ensure)\s+(?:that\s+)?(?:this|it|that|the\s+(?:same\s+)?(?:\w+\s+)?(?:mistake|error|slip
      |typo|thing|step|change|command))\s+(?:can['’]?t|cannot|can\s+never|could\s+never|is\s+impossible)\b
    | \benforc\w*\s+(?:\w+\s+){{0,3}}?(?:by|in|via|through|with)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?{_MECHANISM}
    | (?!{MANUAL_RULE})\b(?:add|adding|added|build|building|introduce|introducing|implement\w*|create|creating|enable
      |enabling|set\s+up|setting\s+up|configure|configuring|require|requiring|write|writing|install
      |turn\s+on|wire\s+up|extend)\s+(?:\w+\s+){{0,4}}?{_MECHANISM}\b
    # A safeguard mended, named with its article ("fixed the branch protection rules"; not
    # "fixed and will check carefully", where "check" is the person's).
    | \b(?:fix|fixed|fixing|tighten\w*|harden\w*)\s+(?:the|our|a|an|its|their|this|that|these|those)\s+
      (?:[\w-]+\s+){{0,2}}?{_MECHANISM}\b
    # The step moved into the pipeline: "test the restore path in CI every week".
    | \b(?:in|by|via)\s+(?:the\s+|our\s+|a\s+)?(?:ci|pipeline|ci\s+job|ci\s+pipeline|pre-?commit\s+hook)\b
    # Branch protection as a verb: "protect the main branch so nobody pushes to it".
    | \bprotect\w*\s+(?:the\s+|our\s+|your\s+)?(?:[\w-]+\s+)?branch(?:es)?\b
    | \b(?:the|a|an|our|this|that)\s+(?:[\w-]+\s+){{0,2}}?{_MECHANISM}\s+(?:\w+\s+)?
      (?:now\s+)?(?:checks|double-checks|blocks|rejects|fails|runs|catches|verifies|ensures|enforces
      |reminds|prevents|asks|requires|stops|refuses|warns|gates|will|would|can)\b
"""

SLOTS["STRONG"] = STRONG_ACTION

# A "try harder" remedy named to be turned down: "the solution is not to ask people to
# try harder", "reminding humans to follow a process failed because …", "vigilance
# never works". Writing that rejects the weak remedy is what the rules ask for.
# Not "Never work on prod after hours": where or when to work, asked of the reader.
NOT_WHERE_TO_WORK = r"(?!\s+(?:on|in|late|after|with|when|while|tired)\b)"
SLOTS["NOT_WHERE_TO_WORK"] = NOT_WHERE_TO_WORK

# How much of the blame or fault: "solely", "definitely", "much more", "also" (any adverb
# in -ly but the ones that deny it: "hardly to blame").
SLOTS["DEGREE"] = (
    r"(?:(?:(?!(?:hardly|scarcely|barely|only)\b)\w+ly|definately|(?:much\s+|far\s+)?more|most|also)\s+)?"
)

# Machines named like doers ("the router", "the scheduler"): a rule that reads a person
# by an -er or -or ending leaves these out ({MACHINE_DOERS}).
SLOTS["MACHINE_DOERS"] = (
    r"(?:router|handler|scheduler|container|parser|loader|buffer|compiler|browser|installer|server"
    r"|worker|controller|provider|monitor|sensor|connector|adapter|processor|generator|cluster|manager)"
)

# "Fault" as a technical term, after "our fault" or "the devs fault": "fault tolerance",
# "fault-injection", "fault domains" ({FAULT_KINDS}).
SLOTS["FAULT_KINDS"] = (
    r"(?:toleran\w+|injection|domains?|lines?|codes?|isolation|detection|handling|trees?|rates?)"
)

# Acts a writer owns when named as the one who did them: "I was the one who deleted it",
# "it was me who dropped the table" (not "it was me who pushed the tag", an act told).
SLOTS["OWNED_ACTS"] = r"(?:broke|caused|took|messed|screwed|deleted|dropped|wiped|forgot|missed)"

REJECTED_REMEDY = r"""
    \b(?:solution|answer|fix|remedy|response|lesson|way\s+forward)\s+
      (?:is\s+not|was\s+not|is\s+never|isn['’]t|wasn['’]t)\s+(?:to|about|in|more|better)\b
    | \b(?:failed|did\s+not\s+work|didn['’]t\s+work)\s+(?:because|since)\b
    | \b(?:never\s+works?|doesn['’]t\s+work|does\s+not\s+work|won['’]t\s+work|will\s+not\s+work
      |isn['’]t\s+enough|is\s+not\s+enough|is\s+never\s+enough)\b{NOT_WHERE_TO_WORK}
    # Judged not to work: "sending reminder emails … may not be the most effective way".
    | \b(?:may|might|will|would)?\s*(?:not|n['’]t)\s+be\s+(?:the\s+)?(?:most\s+|very\s+|particularly\s+)?(?:effective
      |efficient|reliable|sufficient|enough|the\s+answer|the\s+solution)\b
    | \b(?:rarely|seldom|never|hardly\s+ever)\s+(?:works?|helps?|scales?)\b{NOT_WHERE_TO_WORK}
    # The remedy as the topic, a gerund opening the sentence: "Telling people to be more
    # careful will make the problem go away" is said of the remedy, not asked of anyone.
    | {SENTENCE_START}\W*(?:just\s+|simply\s+|merely\s+)?(?:telling|asking|reminding
      |instructing|begging|urging|exhorting|expecting|training)\s+(?:\w+\s+){0,2}?(?:people|humans|engineers
      |operators|staff|everyone|everybody|folks|developers|devs|them|users|employees|workers)\s+to\b
    # People's vigilance judged no safeguard: "it's too risky to assume someone will read
    # the docs", "we can't rely on engineers remembering the flag".
    | \b(?:too\s+risky|unrealistic|naive|naïve|unwise|unsafe|dangerous|a\s+mistake|wishful\s+thinking)
      \s+to\s+(?:assume|expect|rely|count|hope|trust|depend|bet)\b
    | \b(?:can['’]?t|cannot|can\s+not|shouldn['’]t|should\s+not|won['’]t|will\s+not|couldn['’]t)\s+
      (?:just\s+|always\s+|simply\s+)?(?:rely|count|depend|bank)\s+on\s+(?:people|humans|someone|anyone
      |everyone|everybody|engineers|operators|staff|us|them|each\s+other|our\s+\w+|the\s+\w+\s+to)\b
    # Described as a reflex, not proposed: "the usual reaction is to retrain people".
    | \b(?:reaction|instinct|temptation|tendency|urge|impulse|reflex|knee-jerk\s+\w+)\s+
      (?:[\w'’-]+\s+){0,4}?(?:is|was|has\s+been)\s+
      (?:often\s+|usually\s+|always\s+)?to\b
"""
SLOTS["REJECTED_REMEDY"] = REJECTED_REMEDY

# Help asked for now, in a question, is coordination, not a remedy: "can you please check
# that I haven't broken anything?" (unless it asks for the future: "… next time?").
LIVE_REQUEST = r"""
    \b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone|one\s+of\s+you|(?-i:[A-Z][a-z]+))\s+
      (?:please\s+|pls\s+|quickly\s+|also\s+)*(?:\w+\s+)?(?:check|verify|confirm|make\s+sure|ensure|look|read
      |double-?check|review)\b
      (?![^.!?\n]*\b(?:{FUTURE_MARKER}|always)\b)
      [^.!?\n]*\?
    # A review asked for the writer's own work: "Please check my work", "please review this PR".
    | \b(?:please|pls|plz)\s+(?:\w+\s+)?(?:check|review|look\s+(?:at|over)|verify|double-?check|read|proofread)
      \s+(?:over\s+)?(?:my|this|our)\s+(?:[\w-]+\s+)?(?:work|pr|pull\s+request|changes?|patch|diff|commit|code
      |branch|draft|fix|edits?|attempt)\b(?![^.!?\n]*\b(?:{FUTURE_MARKER}|always)\b)
"""
SLOTS["LIVE_REQUEST"] = LIVE_REQUEST

# Where a line or a sentence starts: chat lines and sentences that open with a word
# ("Sorry, dumb typo", "Before opening a pull request, …") are read from there only.
SENTENCE_START = r"(?:(?<=\A)|(?<=\n)|(?<=[.!?]\s))"
SLOTS["SENTENCE_START"] = SENTENCE_START

# A how-to step, not a remedy: the sentence opens with the task it serves ("Before sharing
# your draft, you should proofread it", "To cut a release, you must bump the version")
# and says nothing of an incident to avoid ("To avoid this in the future, you should …").
HOW_TO = (
    SENTENCE_START
    + r"""
    (?![^.!?\n]*\b(?:{FUTURE_MARKER}|this\s+(?:happen|time)|avoid\s+this|prevent\s+this|like\s+this
      |incident|outage)\b)
    \W*(?:before|to|when|once|after|while)\s+[^,.;:!?\n]{1,80},\s*
    (?:you\s+(?:should|must|need\s+to|have\s+to|can)|please|make\s+sure|be\s+sure)\b
    # Vigilance asked at that step is still a plea: "when you run the wipe, you need to be
    # 100% sure which host you are on".
    (?!\s+(?:always\s+)?(?:be\s+(?:\S+\s+){0,2}?(?:sure|careful|certain|vigilant|mindful|aware)|double|triple
      |pay|take\s+(?:extra\s+)?care|think|check\s+twice|stay\s+focused))
"""
)
SLOTS["HOW_TO"] = HOW_TO

# Words that point a request or a step at the future, where it becomes a remedy: one list
# for LIVE_REQUEST and HOW_TO (filled after them, as SLOTS are filled in order).
FUTURE_MARKER = r"again | future | next\s+time | going\s+forward | from\s+now | every\s+time"
SLOTS["FUTURE_MARKER"] = FUTURE_MARKER

# Words that run a person down, said of oneself (UB202) or of another (UB103):
# one list for both, so the two never drift apart.
DEPRECATING_NOUNS = r"""
    idiot | moron | fool | klutz | muppet | clown | liability | burden | disaster | menace
    | joke | failure | fraud | screw-?up | walking\s+(?:outage|disaster) | weakest\s+link
    | (?:designated\s+)?outage\s+generator | weak\s+link | impostor | imposter | danger\s+to\s+(?:\w+\s+)?(?:prod|production|everyone)
"""
# Carelessness named as a trait (never a technique: "lazy loading" is not here, the
# rules read these only after "I was", "I got", "don't be" and the like): the writer's
# own (UB202) and asked of people as a remedy (UB501), one list for both.
CARELESS = (
    r"(?:careless|sloppy|lazy|hasty|rash|reckless|negligent|complacent|cocky|overconfident"
    r"|inattentive|lax|impatient)(?![\w-])"
)
CARELESS_TRIGGERS = (
    *("careless", "sloppy", "lazy", "hasty", "rash", "reckless", "negligent"),
    *("complacent", "cocky", "overconfident", "inattentive", "lax", "impatient"),
)
DEPRECATING_ADJECTIVES = r"""
    stupid | dumb | useless | incompetent | hopeless | pathetic
    | not\s+(?:\w+\s+)?(?:competent|careful|good|smart|experienced|senior)\s+enough
    | not\s+cut\s+out | terrible\s+at | the\s+worst | (?:so\s+|really\s+)?bad\s+at\s+(?:this|git|my\s+job|\w+)
    | not\s+(?:\w+\s+)?good\s+at\s+(?:this|my\s+job)
"""

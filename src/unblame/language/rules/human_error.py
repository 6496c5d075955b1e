"""Rules for "human error" offered as an explanation (UB4xx)."""

from __future__ import annotations

from ..finding import Category, Severity
from ..rule import Check, Rule

DEKKER = (
    "Dekker, The Field Guide to Understanding 'Human Error': human error is where an "
    "investigation starts, not where it ends; Woods & Cook, 'Nine Steps to Move Forward "
    "from Error' (2002)"
)

SUGGESTION = (
    "Ask what made the action likely and what let it have this effect: the interface, the "
    "defaults, the workload and time pressure, the missing confirmation or limit. Name the "
    "guardrail that would catch the same slip next time."
)

# The label used to reject itself, or as something to design against, is not a cause.
NOT_AS_CAUSE = r"""
    (?:human|operator|user|manual)\s+errors?\s+(?:is|are|was)\s+(?:never|not|no|rarely|seldom)\b
    | \b(?:never|not|no\s+longer|rarely)\s+(?:\w+\s+){0,3}?(?:a\s+|the\s+)?(?:root\s+)?cause
    | \bno\s+longer\s+(?:label|call|use|accept|write|blame)
    | \b(?:rather\s+than|instead\s+of|beyond|myth\s+of|stop\s+(?:blaming|calling|saying|labell?ing))
      \s+(?:\w+\s+){0,2}?(?:human|operator|user|manual)\s+error
    | \b(?:minimi[sz]e|reduc\w+|prevent\w*|avoid\w*|eliminat\w+|mitigat\w+|catch\w*|guard\w*\s+against
      |tolera\w+|resilien\w+|robust\w*|proof|prone|solutions?\s+to|solv\w+|fight\w*|against|withstand
      |absorb\w*|design\w*\s+for|account\w*\s+for|expect\w*|cope\s+with|handl\w+)
      \s+(?:\w+\s+){0,3}?(?:human|operator|user|manual)\s+errors?
    | (?:human|operator|user|manual)[-\s]errors?[-\s](?:proof|prone|tolerant|resistant)
    # A possibility, not an event: "removes the possibility for human error", "room for user error".
    | \b(?:possibilit(?:y|ies)|chances?|risks?|likelihood|potential|room|scope|probability|odds)
      \s+(?:for|of)\s+(?:\w+\s+)?(?:human|operator|user|manual)\s+errors?
    | \bremov\w*\s+(?:\w+\s+){0,4}?(?:human|operator|user|manual)\s+errors?
    # How people are treated for errors in general: "don't punish people for human error".
    | \b(?:don['’]t|do\s+not|never|not|stop|no\s+longer)\s+(?:\w+\s+){0,2}?(?:punish|blam|fir(?:e|ing)\b
      |disciplin|beat|sham|penali[sz]|scold|reprimand|shout\s+at|yell\s+at)\w*\s+(?:\w+\s+){0,3}?for
      \s+(?:\w+\s+){0,4}?(?:human|operator|user|manual)\s+(?:errors?|mistakes?)
    # A first guess told as such: "assumed user error at the time".
    | \b(?:assum|suspect|guess|presum)\w*\s+(?:it\s+was\s+)?(?:\w+\s+)?(?:human|operator|user)\s+error
    | {GENERIC}
    | \buser\s+errors?\s+(?:messages?|pages?|responses?|codes?|dialogs?|handling|class|types?|states?|text)
    | \berror\s+messages?\b | \b4\d\d\s+(?:responses?|errors?|status) | \bvalidation\b
    | \b4xx\b | \b(?:server|client)\s+errors?\b
    | (?:human|operator|user|manual)\s+error\s+as\s+(?:a\s+|the\s+)?(?:symptom|starting\s+point|signal|sign|consequence|label)
    | (?:human|operator|user|manual)\s+error\s+(?:\w+ly\s+)?(?:is|was)\s+(?:\w+ly\s+)?(?:a\s+|the\s+)?
      (?:symptom|starting\s+point|consequence|result|product|effect)
    # A claim reported and turned down: "some have said human error is the root cause,
    # but I don't agree".
    | \b(?:said|say|says|claim\w*|argu\w*|suggest\w*|insist\w*)\b[^.!?]{0,160}?\bbut\s+(?:i|we)\s+
      (?:don['’]t\s+agree|do\s+not\s+agree|disagree|don['’]t\s+buy\s+it|don['’]t\s+think\s+so)
    | \b(?:call|calling|called|label|labell?ing|labell?ed|tag|tagging|tagged|writ(?:e|ing)|say|saying
      |mark|marking|file|filing)\s+(?:it|this|that|them|incidents?|outages?)?\s*(?:as\s+)?(?:an?\s+)?
      ['"‘“]?(?:human|operator|user|manual)\s+error
      # Unless a cause is told after the label: "officials say human error caused the outage"
      # reports a finding, where "we say human error when …" names a habit.
      (?!s?\s+(?:\w+ly\s+)?(?:caused|was\s+behind|was\s+to\s+blame|led\s+to|triggered|brought|took|resulted))
"""

# The label talked about as a kind of thing rather than given as this
# incident's cause: a general truth ("human error happens", "... is often used
# as an explanation"), an example or category ("examples of user errors"), a
# statistic ("60% of downtime is attributed to ..."), a title, a hypothetical.
GENERIC = r"""
    {WHOSE}\s+(?:errors?|mistakes?)\s+(?:(?:is|are)\s+(?:\w+ly\s+)?
      (?:often|usually|always|inevitable|common|normal|natural|unavoidable|everywhere|part\s+of|a\s+fact
      |used|cited|blamed|given)|happens?|will\s+happen|occurs?|exists?)\b
    # The label as a concept that does or says something, or a share of all outages:
    # "human error explains nothing", "operator error accounts for a large share of …".
    | {WHOSE}\s+(?:errors?|mistakes?)\s+(?:\w+ly\s+)?(?:explains|tells|says|answers|means|teaches|hides
      |obscures|ends|stops|accounts\s+for|makes\s+up)\b
    # Outages in general as the setting: "most outages involve some human error".
    | \b(?:most|many|all|nearly\s+all|almost\s+all)\s+(?:[\w-]+\s+)?(?:outages|incidents|accidents|failures
      |breaches|crashes)\b
    # The label as what a gerund says or does: "saying the cause was human error ends the
    # investigation", "blaming human error lets the organisation off the hook".
    | {SENTENCE_START}\W*(?:saying|blaming|citing|invoking|calling|labell?ing|writing|declaring|attributing
      |putting|chalking|pinning)\b[^.!?]{0,40}?{WHOSE}\s+(?:errors?|mistakes?)
    # Said by someone and turned from: "the report says human error, but the real story …".
    | \b(?:says?|said|claims?|claimed|blames?|blamed|cites?|cited)\s+(?:\w+\s+){0,2}?{WHOSE}\s+(?:errors?
      |mistakes?)\s*,?\s+but\b
    | \b(?:examples?\s+of|for\s+example|e\.g\.|such\s+as|types?\s+of|kinds?\s+of|categor\w+\s+(?:of|like))
      \W+(?:\w+\W+){0,2}?(?:human|operator|user|manual)\s+errors?
    # A general statement with the label as its subject, present tense, that names no cause:
    # "human error is an inevitable part of ...", "human error cascades into ...".
    | (?:human|operator|user|manual)\s+(?:errors?|mistakes?)\s+(?:(?:is|are)\s+(?:an?|the)\s+
      (?!(?:[\w-]+\s+){0,2}?(?:cause|causes|reason|culprit|explanation|source|trigger|problem|issue|factor)\b)
      | (?:\w+ly\s+)?(?:cascades|creeps|sneaks|compounds|spreads|turns|becomes)\s+(?:in|into|through|up)?\b)
    # A risk that stays, a cause of outages in general, a kind of breach, a how-to naming the
    # label: "human error will always be a risk", "a common cause of outages is human error",
    # "breaches involving human error", "when human error is identified as the cause, ask …".
    # ("human error could be to blame for the outage" guesses at this incident's cause.)
    | (?:human|operator|user|manual)\s+(?:errors?|mistakes?)\s+(?:will|would|can|could|may|might)\s+(?:always\s+
      |never\s+|still\s+)?(?:be(?!\s+to\s+blame\b)|remain|happen|occur|exist)\b
    # What an error could do, not what one did: "conditions where a human error could cause
    # an outage", "a system that could be brought down by a data entry error".
    | (?:human|operator|user|manual|data[-\s]entry)\s+(?:errors?|mistakes?)\s+(?:can|could|may|might)\s+(?:easily\s+)?
      (?:cause|lead|bring|take|trigger|result|knock)\b
    | \b(?:can|could|may|might)\s+(?:\w+ly\s+)?be\s+(?:brought|taken|knocked)\s+(?:down|out|offline)\s+
      (?:\w+\s+){0,8}?by\s+(?:a|an|one|any|a\s+single)\s+(?:\w+\s+)?(?:human|operator|user|manual|data[-\s]entry)
      \s+(?:errors?|mistakes?)
    | \b(?:common|frequent|leading|typical|usual|major|top|biggest)\s+(?:\w+\s+)?causes?\s+of
      \s+(?!(?:the|these|those|this|our|their|its)\b)(?:\w+\s+){0,2}?(?:outages|incidents|failures|breaches
      |downtime|accidents)\b
    # Outages in general as what the label causes, a bare plural or a generic subject:
    # "remains a significant contributor to banking outages", "the number one reason an
    # organization experiences downtime" (not "a contributor to the outage").
    | \b(?:contributors?|contributing\s+factors?|drivers?|sources?)\s+(?:to|of|for|behind)\s+
      (?!(?:the|these|those|this|our|their|its|that|today['’]s|last)\b)(?:[\w-]+\s+){0,2}?(?:outages|incidents
      |failures|breaches|downtime|accidents|crashes)\b
    | \b(?:reasons?|causes?)\s+(?:why\s+)?(?:an?\s+|most\s+)?(?:organi[sz]ations?|compan(?:y|ies)|business(?:es)?
      |firms?|enterprises?|banks?|airlines?)\s+(?:\w+\s+){0,2}?(?:experience|suffer|have|lose|go)\w*\b
    # A habit of causes, not this incident's: "it's usually down to human error".
    | \b(?:usually|typically|generally|mostly|often|frequently|almost\s+always)\s+(?:down\s+to|caused\s+by
      |due\s+to|the\s+result\s+of|attributed\s+to|traced\s+to)\b
    | \binvolving\s+(?:\w+\s+)?(?:human|operator|user|manual)\s+errors?
    | \b(?:is|are|was|were|gets?)\s+(?:\w+ly\s+)?(?:identified|labell?ed|named|cited|given)\s+as\s+the\s+(?:root\s+)?cause
    # A statistic about the label, the figure near it: "70% of outages come down to human
    # error", not an impact figure elsewhere in the sentence ("a loss of 0.07% of volumes").
    | (?:\d\s*%|\bpercent\b)[^.;:!?]{0,60}?\b(?:human|operator|user|manual)\s+(?:errors?|mistakes?)
    | \b(?:human|operator|user|manual)\s+(?:errors?|mistakes?)\b[^.;:!?]{0,40}?(?:\d\s*%|\bpercent\b)
    # Research in general ("studies show", "an estimated 70%"), not a case study of one
    # incident, which still gives that incident's cause.
    | \b(?:estimated|studies|(?<!case\s)study|survey\w*|research)\b
    # The label as what a system produces, not the incident's cause: "a manual effort,
    # which leads to human errors", "screens that invite operator mistakes".
    | \b(?:lead\w*\s+to|led\s+to|prone\s+to|invit\w+|breed\w*|encourag\w+|increas\w+\s+(?:the\s+)?(?:risk|chance|odds)\s+of)
      \s+(?:more\s+|many\s+|frequent\s+|avoidable\s+)?(?:human|operator|user|manual)\s+(?:errors?|mistakes?)
    # A definition, or a claim talked about: "human error refers to …", "the takeaway that
    # human error was to blame … is wrong".
    | (?:human|operator|user|manual)\s+(?:errors?|mistakes?)\s+(?:\w+\s+){0,3}?(?:refers?\s+to|(?:is|are)\s+(?:\w+ly\s+|best\s+)?
      (?:defined|described|understood|characteri[sz]ed|classified|thought\s+of)\s+as)
    # Attribution as a habit of mind, not this incident's finding: "it is easy to ascribe
    # an event to human error", "when we think a failure was caused by human error, …".
    | \b(?:easy|easier|tempting|convenient|common|natural|lazy|simplistic|comforting)\s+to\s+(?:just\s+|simply\s+)?
      (?:ascribe|attribute|blame|put|chalk|pin|dismiss|write|label|call|stop\s+at)\b[^.;!?]{0,60}?\b{WHOSE}\s+(?:errors?|mistakes?)
    | \b(?:when|whenever|if|once)\s+(?:we|you|people|teams?|one|organi[sz]ations?|investigators?|managers?)\s+
      (?:think|say|conclude|decide|believe|assume|find|blame|call|attribute|put|write)\b[^.;!?]{0,80}?\b{WHOSE}\s+(?:errors?|mistakes?)
    | \b(?:takeaway|notion|idea|myth|narrative|assumption|belief|conclusion|claim)\s+that\s+(?:\w+\s+){0,3}?
      (?:human|operator|user|manual)\s+(?:errors?|mistakes?)
    | \bwould\s+be\s+(?:a|an)\s+(?:\W?\w+\W?\s+)?case\s+of
    # Every error of the kind, or whenever one is named: "every human error is evidence of
    # …", "whenever a crash is put down to pilot error", "normal human mistakes".
    | \b(?:every|each|any|all|most|many|such)\s+(?:such\s+)?{WHOSE}\s+(?:errors?|mistakes?)
    | \b(?:whenever|every\s+time|each\s+time)\b[^.;!?]{0,80}?\b{WHOSE}\s+(?:errors?|mistakes?)
    | \b(?:normal|ordinary|everyday|inevitable|natural|occasional|honest|understandable)\s+(?:and\s+)?(?:very\s+)?
      {WHOSE}\s+(?:errors?|mistakes?)
    # The label naming a way of seeing, not a cause: "that's a human error framing".
    | \b{WHOSE}\s+error\s+(?:framing|narrative|explanation|lens|mindset|paradigm|trope
      |bias|myth|story|view|model|theory|literature|research|culture|label)\b
    # Ruled out, denied or still open, as reports of an investigation say: "police have
    # ruled out human error", "the airline denied that pilot error was involved", "the
    # role of human error is under investigation", "first blamed on human error, but …".
    | \b(?:rul\w*\s+out|den(?:y|ies|ied|ying)|reject\w*|refut\w*|disput\w*|dismiss\w*)\b[^.;!?]{0,40}?
      \b{WHOSE}\s+(?:errors?|mistakes?)
    | \b(?:role|possibility|question|likelihood)\s+(?:that\s+|of\s+)(?:\w+\s+)?{WHOSE}\s+(?:errors?|mistakes?)
    | \b{WHOSE}\s+(?:errors?|mistakes?)\b[^.;!?]{0,60}?\b(?:under\s+investigation|being\s+(?:examined
      |investigated|looked\s+(?:at|into)|considered)|(?:is|are)\s+(?:not\s+yet\s+)?(?:known|clear|confirmed))
    | \b(?:initially|first|originally|at\s+first|wrongly|mistakenly|quickly)\s+(?:\w+\s+)?(?:blamed|attributed
      |put\s+down|chalked\s+up|pinned)\b[^.;!?]{0,60}?\bbut\b
    # The label as a topic or a word: "blaming human error is easy", "what people mean by
    # human error".
    | {SENTENCE_START}\W*(?:blaming|citing|invoking|calling\s+it)\s+(?:\w+\s+)?{WHOSE}\s+
      (?:errors?|mistakes?)\s+(?:is|was|has|feels|seems|sounds|makes|gives|ends|stops)\b
    | \bmean\w*\s+by\s+["“]?{WHOSE}\s+(?:errors?|mistakes?)
    # Set aside among causes: "factors other than pilot error caused the crash".
    | \bother\s+than\s+(?:\w+\s+)?{WHOSE}\s+(?:errors?|mistakes?)
    # A title, capitalised after another capitalised word: "Behind Human Error",
    # "Understanding Human Error", "Reason's Human Error", "Book: Human Error"; not a
    # field label ("Root Cause: Human Error"), which gives the cause.
    | (?<![\w'’])(?!(?:cause|reason|category|classification|type|verdict|finding|root|primary)(?![\w'’]))
      (?-i:[A-Z][\w'’]*)[:*_"“”]?\s+[*_"“]?(?-i:Human\s+Errors?)\b
"""

# Whose error the label names ("operator error", "crew error", "procedural error"): one
# list for UB401's pattern and the generic shapes above.
_WHOSE = r"""(?:human|operator|user|engineer(?:ing)?|manual|personnel|pilot|staff|admin(?:istrator)?
    |developer|dev|people|procedural|operational|keyboard|employee|worker|technician|driver|crew
    |clerical|dispatcher|controller|nurse|clinician|administrative|editorial|data[-\s]entry)"""
GENERIC = GENERIC.replace("{WHOSE}", _WHOSE)

# Slips named by their form rather than called "human error": a typo, a
# copy-paste mistake, a fat-fingered value, mistakes by staff.
SLIP_NOUNS = r"""
    \b(?:typos?|typographical\s+errors?|typing\s+errors?|spelling\s+(?:errors?|mistakes?)
    |copy[-\s/]?(?:and[-\s]?)?paste\s+(?:errors?|mistakes?|issues?|problems?|slips?|failures?)|mistyp\w+|misspell\w+|mis-?click\w*
    |fat[-\s]?finger\w*|wrong\s+selection|wrongly\s+typed|incorrectly\s+(?:entered|typed|keyed|pasted|copied)
    # "a momentary lapse of concentration by the driver"; "an individual employee's error".
    |(?:momentary\s+|brief\s+|single\s+)?lapses?\s+(?:of|in)\s+(?:concentration|attention|judge?ment|focus)
    |(?:individual|employee|person|individual\s+employee)['’]s\s+(?:errors?|mistakes?|slips?|oversights?)
    # "an operator's failure to follow the loading protocol", "a clinician not following …".
    |(?:failure|failing|not|neglecting)\s+(?:to\s+)?follow(?:ing)?\s+(?:the\s+)?(?:[\w-]+\s+)?(?:protocol|procedure
      |process|checklist|sop|rules?)
    |(?:(?:employee|staff)\s+operational|clerical|keying|input|data[-\s]entry|transcription|entry
      |worker['’]s|staff['’]s|(?:{ROLE})['’]s)\s+(?:errors?|mistakes?|blunders?|slips?|misconfigurations?
      |typos?|oversights?)
    |(?:errors?|mistakes?|blunders?|slips?)\s+(?:made\s+)?by\s+(?:one\s+of\s+)?(?:(?:its|their|the|our|a|an)\s+)?(?:[\w-]+\s+)?(?:{ROLE})
    |(?:staff|employee|operator|worker|crew)\s+blunders?
    |(?:extra|wrong|missing|stray)\s+(?:digit|zero|character|letter|comma|decimal|keystroke|key\s*press)
    |human\s+involvement|(?:mis-?)?keyed\s+(?:in\s+)?values?|(?:an\s+|human\s+)?oversights?
    |mistakes?\s+(?:made\s+)?(?:in|during|while|when)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:\w+)
    |slip\s+of\s+the\s+(?:mouse|keyboard|finger|hand|pen)
    |(?:wrong|incorrect)\s+(?:[\w-]+\s+){0,2}?(?:entered|ticked|pasted|supplied|typed|selected|chosen|keyed|copied)
    |mis(?!configur|match|align|s)[a-z]{3,}(?:ed|led)\s+(?:[\w-]+\s+)?(?:email|cable|value|entry|field|address|label|port|host|record)s?
    |botched\s+(?:manual\s+|hand\s+)?(?:[\w-]+\s+)?(?:edit|change|update|migration|upgrade|deploy|renewal)
    |manual\s+[\w-]+\s+(?:errors?|mistakes?)|(?:entered|typed|edited|introduced)\s+by\s+hand
    |(?:manually|hand)[-\s](?:edited|entered|typed|keyed|copied)\s+(?:[\w-]+\s+)?(?:values?|entry|entries|numbers?
      |settings?|fields?|records?|lines?)
    # A mistake that names itself a person's: "a simple mistake", "a manual misconfiguration",
    # "a misconfiguration by an engineer", "an incorrect value entered by a technician".
    |(?:simple|small|silly|honest|careless|stupid|dumb|costly|human)\s+(?:mistake|slip|blunder)s?
    |(?:manual|human)\s+mis[a-z]{3,}
    |misconfigurations?\s+(?:made\s+)?by\s+(?:one\s+of\s+)?(?:its|their|the|our|a|an)\s+(?:[\w-]+\s+)?(?:{ROLE})
    |(?:incorrect|wrong|bad|erroneous)\s+(?:[\w-]+\s+)?(?:value|entry|entries|input|command|parameter|date)s?
      \s+(?:entered|typed|keyed|input|pasted)\s+by
    # A step taken wrong: "a procedural misstep", "a mis-step by an administrator".
    |mis-?steps?
    # The act of entering it wrong: "a technician entering the wrong value for …".
    |(?:enter|typ|key|input|past|select|dial|pick)(?:ed|ing|e)?\s+(?:in\s+)?(?:the|a|an)\s+(?:wrong|incorrect)\s+
      (?:[\w-]+\s+)?(?:value|number|date|dose|amount|figure|unit|setting|port|hostname|address|id|code
      |quantity|runway|account|ip|setpoint|threshold|limit|rate|size)s?)\b
"""
# Every match of SLIP_NOUNS contains one of these; the rarest word of each
# alternative, so that the check reads few sentences.
# The slips a fragment can name on its own ("Just an oversight.", "A typo.").
_FRAGMENT_SLIP = (
    r"(?:typos?|oversights?|slip-?ups?|fat[-\s]?finger\w*|mistyp\w+|mis-?clicks?"
    r"|(?:copy[-\s]?(?:and[-\s]?)?paste|human)\s+(?:errors?|mistakes?|failures?|slips?)"
    r"|(?:stupid|dumb|careless|silly|simple|honest)\s+mistakes?)"
)

# Words that soften or vouch for the slip named as the answer: "just a simple typo",
# "indeed a small oversight".
_HEDGE = r"(?:(?:indeed|probably|likely|clearly|obviously|actually|definitely)\s+)?"
_SLIGHT = r"(?:(?:simple|trivial|small|silly|honest|minor)\s+)?"

# "It was human error" is the label itself, UB401's, not a slip named by its form.
_NOT_THE_LABEL = r"(?!human\s)"

SLIP_NOUN_TRIGGERS = (
    "typo",
    "typing",
    "typed",
    "paste",
    "mistyp",
    "misspell",
    "misclick",
    "mis-click",
    "lapse",
    "follow",
    "finger",
    "wrong selection",
    "mistake",
    "involvement",
    "keyed",
    "error",
    "blunder",
    "slip",
    "digit",
    "zero",
    "character",
    "letter",
    "comma",
    "decimal",
    *("keystroke", "key press", "keypress"),
    "oversight",
    "entered",
    "ticked",
    "supplied",
    "selected",
    "chosen",
    "copied",
    # "mislabelled cable", "misrouted email": the prefix is rarer than the nouns
    # ("port" alone is in every "report" and "support").
    "mis",
    "botched",
    "step",
    "wrong",
    "incorrect",
    "by hand",
    "input",
    "case of",
    "manually",
    "hand-",
    "hand ",
)

RULES = (
    Rule(
        code="UB401",
        name="human-error-as-cause",
        category=Category.HUMAN_ERROR,
        severity=Severity.ERROR,
        message="'Human error' is given as the explanation.",
        rationale=(
            "Calling the cause human error stops the investigation where it should start. "
            "People's actions made sense to them given the system they worked in; the "
            "lesson is in what made the slip possible and consequential."
        ),
        source=DEKKER,
        suggestion=SUGGESTION,
        bad=(
            "Operator error could be to blame for Tuesday's failed cutover.",
            "The derailment was due to driver distraction.",
            "Officials say operator error caused the blackout.",
            "Human error caused most of the damage in this incident.",
            'A spokesperson said the failure was an "embarrassing human error".',
            "Investigators said the breach came from employee error.",
            "We traced the outage to an operator mistake at the console.",
            "The outage was caused by human error.",
            "Root cause: operator error during the failover.",
            "Turned out to be a PEBKAC, nothing to fix.",
            "The incident was due to a manual error in the DNS zone.",
            "A mix of human and tooling error was to blame for the purge.",
            "As usual it was some human screw-up that took the site down.",
        ),
        good=(
            "The console was redesigned to reduce errors caused by distraction.",
            "Human error explains nothing on its own.",
            "Blaming human error lets the organisation off the hook.",
            "The memo says operator error, but the real story is the tooling.",
            "Human error remains a major contributor to rail accidents worldwide.",
            "The top reason a company loses data is operator error.",
            "The design left conditions where a human error could cause an outage.",
            "Further reading: Dekker's The Field Guide to Understanding Human Error.",
            "Dekker treats human error as a symptom of trouble deeper in the system.",
            "Calling it operator error would hide the confusing flag.",
            "The 4xx panel separates user errors from server errors.",
            "We no longer label incidents as human error.",
            "Human error is never a root cause, only a starting point.",
            "The form now shows clear user error messages.",
            "Automating the rotation removes a step prone to human error.",
            "Operator error happens, so the console asks before it deletes.",
            "Surveys put 70% of change-related outages down to human error.",
            "Each operator error tells you where the console needs a guard.",
            "Crews blamed little besides weather; factors other than pilot error came first.",
            "It is tempting to put an outage like this down to operator error; it teaches nothing.",
            "When teams conclude that a failure was human error, they stop asking questions.",
            "The regulator has ruled out operator error and is looking at the signalling software.",
            "The role of human error in the derailment is still under investigation.",
            "The outage was first blamed on user error, but the logs showed a bad default.",
        ),
        triggers=(
            "error",
            "mistake",
            "slip",
            "bak",
            "bcak",
            "pebkac",
            "layer",
            "human",
            "misconfig",
            *("forgetful", "inattent", "complacen", "distraction", "lapse"),
        ),  # "human factor" too
        pattern=r"""
            (?P<span>
              \b{WHOSE}\s+(?:errors?|mistakes?|slips?)\b
            # The person folded into a compound: "an engineer-driven configuration error".
            | \b(?:human|operator|user|engineer|developer|admin(?:istrator)?|staff|employee|technician|crew
                |person|people)-(?:driven|induced|caused|made|initiated|introduced)\s+(?:[\w-]+\s+)?
                (?:errors?|mistakes?|misconfigurations?|slips?)\b
            # "put down to the human element rather than the track", "this was the human factor".
            | \b(?:to|was|is|were|down\s+to|blamed\s+on|by)\s+the\s+human\s+(?:factor|element)\b
            # Coordinated or informal: "human and process error", "some human mess-up".
            | \bhuman\s+(?:and|or|&)\s+[\w-]+\s+(?:errors?|mistakes?|failures?)\b
            | \bhuman\s+(?:mess[-\s]?ups?|screw[-\s]?ups?|fuck[-\s]?ups?|failures?)\b
            | \bpe?bc?ak\b | \bpebkac\b | \bpebcak\b | \bid(?:10|-ten-)t\s+error\b
            | \blayer\s*8\s+(?:issue|error|problem)\b
            # A failing of attention given as the cause: "due to simple forgetfulness", "caused
            # by driver distraction", "put down to a lapse in concentration".
            | \b(?:caused\s+by|due\s+to|because\s+of|result\s+of|attributed\s+to|blamed\s+on|put\s+down\s+to
                |came\s+down\s+to|stemmed\s+from)\s+(?:\w+\s+){0,2}?(?:forgetfulness|inattention|inattentiveness
                |complacency|distraction|lapses?\s+(?:of|in)\s+(?:attention|concentration|judge?ment|vigilance))\b
            )
        """.replace("{WHOSE}", _WHOSE),
        # Or a design against the failing: "to reduce errors caused by distraction".
        unless=NOT_AS_CAUSE.replace("{GENERIC}", GENERIC)
        + r" | \b(?:reduc|prevent|avoid|limit|catch|cut|minimi[sz])\w*\s+(?:[\w-]+\s+){0,3}?(?:caused\s+by|due\s+to)\b",
    ),
    Rule(
        code="UB402",
        name="mistake-as-cause",
        category=Category.HUMAN_ERROR,
        severity=Severity.WARNING,
        message="A person's mistake is given as the explanation.",
        rationale=(
            "'It was a mistake in the setup' or 'a typo by the on-call' names a slip as the "
            "cause. Slips are normal; what made this one possible and so costly is the cause "
            "worth finding."
        ),
        source=DEKKER,
        suggestion=SUGGESTION,
        bad=(
            "Reason for outage: typo by on-call in the routing table.",
            "This was a mistake in setting up the node pool.",
            "The root cause was a typo in the proxy's upstream list.",
            "The incident was caused by a typo by the on-call.",
            "A dumb mistake made by a person took the whole region down.",
            "An error was made when the values were copied by hand.",
            "A typo in the feature-flag file took the search cluster offline for ten minutes.",
            "The drop in bookings was traced to a copy-paste mistake in the pricing table.",
            "The failed rollout was traced to a mistake in the hand-edited inventory file.",
            "A mislabelled patch cable took the storage shelf offline.",
            "The blunder wiped the scheduling records for two clinics.",
            "Two of the hostnames were typed incorrectly, so the purge hit the wrong pool.",
            "A stray digit in the quota field doubled every tenant's bill.",
            "A wrong box ticked in the sharing dialog made every folder public.",
            "Officials said a technician's misconfiguration left the clinics offline for a day.",
            "The root cause of Tuesday's outage was a typo in the zone file.",
            "Staff blunder leads to week-long exposure of patient records",
            "The culprit? A typo in the zone file that an engineer had edited by hand.",
            "The culprit was a typo in the load balancer's pool list.",
            "A stray keystroke in the admin console is to blame for the lost orders.",
            "Turns out it was a typo in the DNS record.",
            "The trigger was a mistyped hostname.",
            "Just an oversight in the rota export.",
        ),
        good=(
            "Mistakes by staff are the most common cause of data breaches.",
            "Mistakes happen; the deploy tool now asks for confirmation.",
            "The setup script created the node pool without local SSDs.",
            "The linter catches the typo before merge.",
            "Fixed a typo in the README that caused some confusion about flags.",
            "The outage was caused by the expired certificate, not the typo in the docs.",
            "Mismatched library versions caused the crash loop.",
            "We fixed a mistake in the docs about the retry limit.",
            "The error caused the worker to restart, which cleared the queue.",
            "That mistake broke nothing: the dry run caught it.",
            "The form warns when a hostname was typed that matches no host.",
            "A typo made it into the release notes and was fixed the same day.",
            "The culprit? A race between the two cache writers.",
            "The cause? An error in the parser's bounds check.",
            "Turns out it was a race between the two cache writers.",
            "The root cause was a race in the cache eviction.",
            "Minor typo in the changelog, otherwise looks good.",
        ),
        pattern=(
            Check(
                triggers=(
                    "mistake",
                    "oversight",
                    "slip",
                    "blunder",
                    "goof",
                    "typo",
                    "misconfiguration",
                    "error",
                    "followed",
                    "rather than",
                    "instead of",
                ),
                pattern=r"""
            (?P<span>
              \b(?:this|that|it|the\s+(?:root\s+|immediate\s+|proximate\s+|direct\s+|whole\s+)?(?:outage|incident
                |issue|problem|failure|cause|culprit|trigger|thing))\s+
                # "The root cause of this morning's outage was a typo in …".
                (?:of\s+(?:[\w'’-]+\s+){0,4}?(?:outage|incident|issue
                  |problem|failure|downtime|breach|leak|crash|bug|disruption|error)\s+)?
                (?:was|is)\s+(?:caused\s+by\s+|due\s+to\s+|the\s+result\s+of\s+|triggered\s+by\s+)?
                (?:an?|one)\s+(?:simple\s+|small\s+|silly\s+|dumb\s+|stupid\s+|honest\s+|human\s+|manual\s+)?
                (?:mistake|oversight|slip|blunder|goof|typo|misconfiguration)(?:\s+(?:in|on|when|while|by|during|made)\b
                |\s*[,;:]\s*(?:someone|somebody|(?:the|a|an)\s+(?:[\w-]+\s+)?(?:{ROLE})|[\w@-]+)\s+(?:wrote|typed
                |entered|put|set|pasted|keyed)\b)
            # A rule not followed given as the cause: "standard operating procedure not
            # followed by staff", "the lockout procedure was not followed, which led to …".
            | \b(?:procedures?|process|protocol|sop|checklist|policy)\s+(?:was\s+|were\s+|had\s+)?(?:not|never)
                \s+(?:been\s+)?followed\b(?=\s+by\b|[^.;!?]{0,40}?\b(?:led\s+to|caus\w+|result\w*\s+in)\b
                |\s*[.;]|\s*$)
            # Units or values swapped by hand given as the cause: "because ward staff entered
            # the dose in milligrams rather than micrograms".
            | \bbecause\s+(?:[\w@'’-]+\s+){1,3}?(?:entered|typed|keyed|wrote|set|put|pasted)\s+(?:[\w./-]+\s+){1,5}?
                (?:rather\s+than|instead\s+of)\b
            | \b(?:mistake|typo|slip|blunder|error|oversight)s?\s+(?:made\s+)?by\s+
                (?:{PERSON}|a\s+(?:person|human)|(?:the\s+)?(?:{ROLE})|(?-i:[A-Zꙮ][a-z]+)\b)
            | \b(?:dumb|silly|stupid|simple|careless|honest|human)\s+mistakes?\s+(?:made\s+)?by\b
            | \b(?:an?\s+)?(?:error|mistake)\s+was\s+made\b
            )
        """,
            ),
            Check(
                triggers=SLIP_NOUN_TRIGGERS,
                pattern=rf"""
            (?P<span>\b(?:due\s+to|caused\s+by|triggered\s+by|because\s+of|trac(?:ed|es)\s+(?:[\w-]+\s+){{0,3}}?(?:back\s+)?to|(?:the\s+)?result\s+of
                |resulting\s+from|owing\s+to|thanks\s+to|blam(?:ed|es|ing)|stemmed\s+from|(?:came|comes|boiled|boils)\s+down\s+to
                |cited|pinned\s+(?:[\w-]+\s+){{0,4}}?on|chalk\w*\s+(?:it\s+)?up\s+to|came\s+from|result(?:s|ed)?\s+from
                # The cause announced, as a label or a question the writer answers: "Root
                # cause: a typo", "The culprit? A typo in the zone file".
                |(?:cause|culprit|problem|trigger|reason)\s*[:?]
                |turned\s+out\s+to\s+be|attributed\s+to
                # "The root cause was a typo", "the culprit was a stray keystroke".
                |the\s+(?:root\s+|immediate\s+|proximate\s+|direct\s+|underlying\s+|real\s+)?(?:cause|culprit|trigger)s?
                  \s+(?:of\s+(?:[\w'’-]+\s+){{0,4}}?)?(?:was|is|were|are)
                  # "… was human error" is the label itself, UB401's.
                  (?!\s+(?:an?\s+)?(?:human|operator|user|manual|staff|employee)\s+(?:error|mistake))
                # "Turns out it was a typo": the answer to what caused it.
                |turn(?:s|ed)\s+out\s*,?\s+(?:that\s+)?(?:it|this|that)\s+was)
                \s+(?:[\w"“”'‘’-]+\s+){{0,4}}?["“‘']?{SLIP_NOUNS}
            # "isolated after a momentary lapse of concentration by the fitter": a lapse is
            # a slip whatever joins it to what happened.
            | \b(?:after|following|through)\s+(?:a|an)\s+(?:momentary\s+|brief\s+)?lapses?\s+(?:of|in)\s+(?:concentration
                |attention|judge?ment|focus)\b
            # The answer to the writer's own question: "The culprit? A typo in the zone file."
            # (the question is a sentence of its own, read just before this one).
            | (?:(?<=\bcause\?\s)|(?<=\bculprit\?\s)|(?<=\bcauses\?\s)|(?<=\bculprits\?\s))
                (?:(?:an?|one|two|some)\s+)?(?:[\w-]+\s+){{0,2}}?{SLIP_NOUNS}
            # The slip named alone as the answer, a fragment of its own: "Just an oversight.",
            # "Trivial copy-paste mistake.", "Just a typo in the release report." (not a review's
            # "Minor typo in the changelog", which points at one to fix).
            | {{SENTENCE_START}}\W*(?:(?:just|simply|only|merely|probably|likely|clearly|obviously)\s+(?:an?\s+)?
                {_SLIGHT}{_FRAGMENT_SLIP}(?=\s*(?:[.!;]|$)|\s+(?:in|on|from|by)\b)
              | (?:an?\s+)?{_SLIGHT}{_FRAGMENT_SLIP}(?=\s*(?:[.!;]|$)))
            # The same answer given to "what was it?": "It was just a typo.", "this is
            # simply an oversight and will be fixed"; a present "is" only with "just" or
            # alone, since "It's a typo in the README" points at one to fix.
            | \b(?:it|this|that)\s*(?:was|['’]s|is)\s+{_HEDGE}(?:just|simply|only|merely)\s+(?:an?\s+)?
                {_SLIGHT}{_NOT_THE_LABEL}{_FRAGMENT_SLIP}\b
            | {{SENTENCE_START}}\W*(?:it|this|that)\s*(?:was|['’]s|is)\s+{_HEDGE}(?:an?\s+)?{_SLIGHT}
                {_NOT_THE_LABEL}{_FRAGMENT_SLIP}(?=\s*(?:[.!;]|$))
            | \b(?:it|this|that)\s+was\s+{_HEDGE}
                (?:an?\s+)?{_SLIGHT}{_NOT_THE_LABEL}{_FRAGMENT_SLIP}\s+(?:in|on|by)\b
            # "a classic case of fat fingers", "a case of someone entering the wrong date".
            | \bcase\s+of\s+(?:[\w-]+\s+){{0,2}}?{SLIP_NOUNS}
            | \bcase\s+of\s+(?:someone|somebody|a\s+person|(?:an?|the)\s+(?:{{ROLE}}))\s+\w+ing\s+(?:the|a|an)
                \s+(?:wrong|incorrect)\b
            # "because someone made a typo": the slip given as the cause.
            | \bbecause\s+(?:[\w@'’-]+\s+){{1,3}}?(?:made|makes)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:typo|mistake|slip
                |blunder)s?\b
            # "the blunder wiped the records": a person's slip (not "the error", which is
            # as often the software's) doing the damage.
            | \b(?:the|a|an|this|that|one)\s+(?:simple\s+|small\s+|single\s+|silly\s+|costly\s+)?(?:mistake
                |blunder|slip)\s+(?:\w+\s+){{0,2}}?(?:caused|wiped|deleted|erased|corrupted|exposed|broke
                |took\s+(?:\w+\s+){{0,3}}?(?:down|offline|out)|brought\s+(?:\w+\s+){{0,3}}?down)\b
                (?!\s+(?:nothing|no|none)\b)
            # Headlines tell it in the present: "employee blunder leads to two-week leak".
            | {SLIP_NOUNS}\s+(?:[\w.-]+\s+){{0,8}}?(?:caused|causing|causes|took\s+(?:\w+\s+){{0,4}}?(?:down|offline|out)
                # "one mistyped command is to blame", "a typo ended up taking down the API".
                |(?:is|was|were|are)\s+to\s+blame
                # "a typo by an operator was identified as the root cause of this outage".
                |(?:is|was|were|are)\s+(?:\w+ly\s+)?(?:identified|determined|found|confirmed|established)
                  \s+(?:to\s+be\s+|as\s+)(?:the\s+|a\s+)?(?:\w+\s+)?cause
                |taking\s+(?:\w+\s+){{0,4}}?(?:down|offline|out)
                |takes\s+(?:\w+\s+){{0,4}}?(?:down|offline|out)|brings\s+(?:\w+\s+){{0,4}}?down|breaks|leads\s+to
                |triggers|results\s+in|exposes|leaks|deletes|wipes
                |brought\s+(?:\w+\s+){{0,4}}?down|broke|led\s+to|triggered|resulted\s+in|knocked|rendering|meant
                |turned|blocked|deleted|removed|wiped|froze|frozen|flushed|duplicated|exposed|sent|paid|scaled|dropped
                |doubled|tripled|opened|locked|disabled|rebooted|restarted|halted|purged|emptied|overwrote
                |left\s+(?:\w+\s+){{0,3}}?(?:offline|down|unable|without|stranded|dark|public|open|exposed
                |unlocked|unencrypted)|cascaded\s+into|snowballed\s+into|escalated\s+into
                |corrupted|published|leaked|made\s+(?!it\b)(?:every|all|the|our|\w+)\s+(?:[\w-]+\s+){{0,3}}?(?:public
                |private|unavailable|unreachable|read-only|invalid|fail\w*)))
        """,
            ),
            # A slip at the keyboard told in the passive: "one of the inputs was entered
            # incorrectly". Only hands enter and type, so the person is there unnamed.
            Check(
                triggers=(
                    *("incorrectly", "wrongly", "mistakenly", "by mistake", "in error"),
                    *("erroneously", "accident", "mistyp", "misspel", "fat-finger", "typo"),
                ),
                pattern=r"""
            (?P<span>\b(?:was|were|had\s+been|got)\s+(?:
                # "a file path was mistyped as .phpp", "the command was issued with a typo".
                # With what followed from it: a misspelling in the docs alone is no cause.
                (?:(?:mistyped|misspel(?:led|t)|fat-fingered|typo['’]?e?d)\b
                  | (?:issued|entered|typed|run|executed|submitted|sent|keyed)\s+with\s+(?:a|an)\s+(?:\w+\s+)?typo\b)
                (?={INSENT}{0,120}?\b(?:caus|result|lead|led|trigger|remov|delet|took|brought|broke|break|fail|wip)\w*)
              |
                (?:entered|typed|keyed|input|specified|copied|pasted|transcribed)\s+(?:\w+\s+){0,2}?
                  (?:incorrectly|wrongly|mistakenly|in\s+error|by\s+mistake|erroneously|by\s+accident
                  |accidentally)
              | (?:incorrectly|wrongly|mistakenly|erroneously|accidentally)\s+
                  (?:entered|typed|keyed|input|specified|copied|pasted|transcribed))\b)
        """,
            ),
        ),
        # Mistakes talked about in general ("mistakes by staff are the leading cause of
        # outages") are the label's generic shapes, as for UB401.
        unless=GENERIC
        + r"|\b(?:catch|catches|caught|prevent\w*|flag\w*|detect\w*|fix\w*|correct\w*)\s+(?:\w+\s+){0,3}?(?:typo|mistake)"
        # A mistake in the code's logic is a defect, as a bug is: "a mistake in the retry
        # logic", "an error in the rounding formula" (not "a typo", which is a hand's).
        r"|\b(?:mistake|error)s?\s+in\s+(?:the|our|its|their|this|that|a|an)\s+(?:[\w`'’.-]+\s+){0,3}?"
        r"(?:logic|code|algorithm|implementation|function|method|regex|parser|calculation|formula"
        r"|query|conditional|loop)\b",
    ),
)

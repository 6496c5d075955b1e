"""The cue of remedies that ask people to behave better (`unblame.language.cues`): a promise,
a plea, an imperative of care, a directive to people."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .agents import NOBODY, OTHER, Word
from .clause import Clause, Sentence, _Lazy
from .clause_subject import _skip_openers
from .cue_base import _clause_text, _predicate
from .lexicon import (
    MANUAL_RULE,
    NAME_MARK,
    POINTER_AT_HAND,
    READING,
    READING_VERBS,
    RECHECK,
    ROLE_NOUNS,
    STRONG_ACTION,
)

_STRONG_RE = _Lazy(STRONG_ACTION, re.IGNORECASE | re.VERBOSE)


# --- Remedies that ask people to behave better ---------------------------------------------

# Care taken, however much ("take a little more care"); not "take care of the rollback",
# which is handling a task.
_TAKE_CARE = (
    r"take\s+(?:(?:a\s+)?(?:little|bit|lot|much)\s+)?(?:more\s+|extra\s+|better\s+|greater\s+)?care"
    r"(?!\s+of\b)"
)

# Attitudes and habits: what a promise or a plea asks of people.
_HABIT = (
    # Not trying a method: "I'll try that next time", "we'll try it again".
    r"(?:try(?!\s+(?:that|this|it|these|those|them|again|out|something|another|a\s+different)\b)"
    r"|do\s+(?:my|our|your|their)\s+(?:very\s+)?best|be\s+(?:(?:\w+ly|more|extra|a\s+bit\s+more"
    r"|\d[\d,.]*\s*%|100\s+percent)\s+)?"
    r"(?:careful|vigilant|mindful|aware|cautious|diligent|thorough|sure|attentive|alert)"
    r"|make\s+sure|" + RECHECK + r"|remember\s+to"
    r"|keep\s+(?:this|that|it|these|those)\s+in\s+mind"
    r"|don['’]t\s+rush|take\s+(?:your\s+|their\s+|our\s+|a\s+|the\s+)?(?:time|moment)|think\s+before|improve\s+diligence"
    r"|pay\s+(?:more\s+|closer\s+|close\s+)?attention|" + _TAKE_CARE + r""
    r"|think\s+twice|slow\s+down|work\s+harder|try\s+harder|learn\s+from|not\s+(?:do|let|make)"
    r"|never\s+(?:do|let|make)|make\s+(?:more\s+)?announcements|communicate\s+(?:more|better|earlier)"
    r"|declare|follow\s+(?:the\s+|our\s+|established\s+)?(?:procedures?|process|runbooks?|steps|it)"
    r"|use\s+(?:a\s+)?checklists?|work\s+with\s+a\s+checklist|be\s+more\s+\w+"
    r"|be\s+(?:way\s+|much\s+|a\s+lot\s+|a\s+bit\s+)?(?:stricter|more\s+strict|more\s+disciplined|less\s+hasty)"
    # Vigilance and not repeating oneself: "we'll watch out next time", "avoid making
    # the same mistake".
    r"|watch\s+out|look\s+out|keep\s+an\s+eye\s+out|be\s+on\s+the\s+lookout"
    r"|err\s+on\s+the\s+side\s+of\s+caution"
    r"|avoid\s+(?:repeating|making|doing)\s+(?:the\s+|that\s+|this\s+)?(?:same\s+)?(?:\w+\s+)?"
    r"(?:mistakes?|errors?|slips?))\b"
)


# Acts a person does by hand; asked of people ("you must bump the version"), a remedy of effort.
# The alternatives alone, for patterns that add acts of their own beside them.
_MANUAL_ACTS = (
    rf"{_HABIT[3:-3]}|merge|push|deploy|release|run|increase|bump|check|verify|confirm|test"
    # Not "know that …" or "know about …", which inform: "you should know that CI is red".
    r"|review|read|wait|tag|notify|announce|tell|inform|allow|let|always|never|ensure"
    r"|know(?!\s+(?:that|if|whether|about)\b)|look"
    # Asking first, not asking for help: "please ask first".
    r"|watch|coordinate|escalate|communicate|avoid|stop|pause|ask\s+first"
    # Acts asked to be left undone by hand: "don't force-push to main", "don't move tags".
    r"|force[-\s]?push|delete|move|touch|skip|rush|commit|yank|rewrite|overwrite|retag|amend"
    # A maintainer's act asked to be left undone: "please do not make breaking changes in a patch".
    r"|(?:make|introduce)\s+(?:any\s+|such\s+)?breaking\s+changes"
    # A contributor's workflow asked for: "kindly use a PR to make changes".
    r"|use\s+(?:a\s+|an\s+)?(?:prs?|pull\s+requests?|merge\s+requests?|feature\s+branch(?:es)?|forks?)"
    # The same asked of the changes: "please make all changes through pull requests".
    r"|make\s+(?:all\s+|any\s+|your\s+)?changes\s+(?:through|via|with|in)\s+(?:a\s+|an\s+)?(?:prs?"
    r"|pull\s+requests?|merge\s+requests?)"
)
_MANUAL = rf"(?:{_MANUAL_ACTS})\b"
# The step of a contributor's workflow a check is asked to come before: "before
# merging", "before you push", "before submitting a PR".
# A contributor's own steps in a repository, as stems ("merg" for merge, merging, merged).
_REPOSITORY_STEPS = r"merg|push|releas|publish|submit|commit|tagg?"
_BEFORE_WORKFLOW = (
    r"before\s+(?:you\s+|we\s+|anyone\s+)?"
    rf"(?:{_REPOSITORY_STEPS}|deploy|ship|upload|open|submission)\w*\b"
)
_READING_VERBS = frozenset(READING_VERBS)


# "Make sure" as a habit rather than a task: asked of people ("make sure we tag it"), or
# at a time that recurs ("make sure all tests pass before merging"); not "make sure the
# new alert routes to the on-call", a one-off change to the system.
_CARE_AT_EACH_TIME = (
    r"make\s+sure\s+[^.!?]{0,80}?\b(?:before\s+(?:\w+ing|you|anyone)|every\s+time|each\s+time|next\s+time"
    r"|in\s+(?:the\s+)?future|going\s+forward|from\s+now\s+on|again)\b"
)
_CARE_FROM_NOW = (
    r"(?:make\s+sure\s+(?:that\s+)?(?:we|you|everyone|everybody|people|to|this|that|it)\b"
    rf"|{_CARE_AT_EACH_TIME})"
)


# A habit asked for, where "make sure" counts only as `_CARE_FROM_NOW` reads it and "try"
# only before "to" (not "will try the other region", "let's try restarting it").
_HABIT_FROM_NOW = rf"(?:(?!make\s+sure\b|try\b){_HABIT}|{_CARE_FROM_NOW})"


# Care and training named as what protects: "the only real protection is discipline".
_VIRTUES_AS_DEFENCE = (
    r"(?:discipline|diligence|vigilance|carefulness|attentiveness|awareness|training"
    r"|retraining|education)"
)


_PLEA_RE = _Lazy(
    # Every alternative starts at a word; checked first, that spares the rest.
    r"\b(?=\w)(?:"
    # A promise: "I'll do my best to ...", "going forward we will work harder to ...".
    rf"\b(?:i|we)(?:['’]ll|\s+will|\s+shall|\s+(?:am|are)\s+(?:going\s+to|gonna)|['’](?:m|re)\s+(?:going\s+to|gonna))"
    # A step taken toward the habit: "I am going to take steps to make sure …".
    rf"\s+(?:\w+ly\s+|also\s+|all\s+|try\s+to\s+|take\s+(?:\w+\s+)?steps\s+to\s+)?{_HABIT}"
    # A promise with its subject left out, as chat does: "Will make sure it doesn't happen
    # again", "will be more careful next time".
    rf"|^\W*(?:will|['’]ll)\s+(?:\w+ly\s+|also\s+|try\s+to\s+)?{_HABIT_FROM_NOW}"
    # A habit proposed to all of us: "let's make sure all tests pass before merging", "lets
    # be more careful"; avoiding something from now on: "let's avoid force pushes in future".
    # Not "let's not make this about Dana", which turns away from blame.
    rf"|(?:\blet['’]s|^\W*lets)\s+(?:all\s+|just\s+|please\s+|really\s+)?(?:try\s+to\s+)?"
    rf"(?!not\s+(?:do|let|make)\b){_HABIT_FROM_NOW}"
    r"|(?:\blet['’]s|^\W*lets)\s+(?:all\s+|just\s+|please\s+)?(?:try\s+to\s+)?avoid\s+[^.!?]{0,60}?"
    r"\b(?:in\s+(?:the\s+)?future|next\s+time|going\s+forward|from\s+now\s+on|again)\b"
    # The lesson the writer took as care: "I learned to test even small changes properly".
    rf"|\b(?:i|we)\s+(?:have\s+|['’]ve\s+)?learn(?:ed|t)\s+to\s+(?:always\s+|never\s+)?(?:{_HABIT}"
    rf"|{_MANUAL}[^.!?]{{0,50}}?\b(?:properly|carefully|thoroughly|twice|more\s+carefully))"
    # A lesson told as a rule of conduct: "this is why you don't merge on a Friday", "we
    # learned today: never push straight to main" ("this is why we don't deploy from
    # laptops" tells a practice the team has).
    r"|\b(?:this|that)(?:['’]s|\s+is|\s+was)\s+why\s+(?:you|one)\s+(?:don['’]t|do\s+not|never"
    rf"|always|should|must)\s+(?:just\s+)?{_MANUAL}"
    r"|\b(?:i|we)\s+(?:\w+\s+)?learn(?:ed|t)(?:\s+\w+){0,2}?\s*[,:;]\s*(?:always|never|don['’]t|do\s+not)"
    rf"\s+(?:just\s+)?{_MANUAL}"
    # A directive to people: "you shouldn't merge when ...", "engineers must ...";
    # "one should always …" asks it of anyone.
    rf"|\b(?:you|people|everyone|everybody|anyone|one|engineers|developers|devs|operators|staff|folks"
    rf"|reviewers|maintainers|sres)\s+(?:\w+ly\s+)?(?:must|should|need\s+to|have\s+to|ought\s+to"
    rf"|could\s+at\s+least|can['’]?t|cannot)(?:\s+not|n['’]t)?\s+(?:\w+ly\s+)?{_MANUAL}"
    rf"|\bwe\s+(?:\w+ly\s+)?(?:must|should|need\s+to|have\s+to|ought\s+to)(?:\s+not|n['’]t)?"
    rf"\s+(?:\w+ly\s+|all\s+|always\s+|just\s+)?{_HABIT}"
    # Checking harder in the passive: "releases should be more thoroughly tested".
    r"|\b(?:should|must|will|shall|needs?\s+to|has\s+to|have\s+to)\s+be\s+(?:(?:more|better)\s+"
    r"(?:\w+ly\s+)?(?:tested|reviewed|checked|verified|vetted|inspected|scrutini[sz]ed|proofread)"
    r"|(?:tested|reviewed|checked|verified|vetted|inspected)\s+(?:more\s+)?(?:carefully|thoroughly"
    r"|closely|rigorously|diligently|attentively)|(?:tested|reviewed|checked|verified)\s+better)\b"
    # A habit of checking taken up as the fix: "Now I triple-check my connection strings".
    r"|\b(?:now|from\s+now\s+on|these\s+days|nowadays|since\s+then)\s*,?\s+(?:i|we)\s+(?:always\s+)?"
    r"(?:" + RECHECK + r"|re-?read|check\s+(?:\w+\s+){1,3}?twice)\b"
    r"|\b(?:i|we)\s+now\s+(?:always\s+)?" + RECHECK + r"\b"
    # Vigilance asked of the reader: "make sure you are on the right host", "Remember,
    # test first"; a request as a question: "can you avoid pushing to master?", "can you
    # test PRs locally before merging?".
    r"|(?:^|(?<=[:,.;!]\s)|(?<=\band\s)|\b(?:tip|lesson|note|remember)\W+)make\s+sure\s+(?:that\s+)?(?:you|everyone"
    r"|everybody|people)(?:['’](?:re|ve)|\s+(?:are|have|do|always|double|check|test|read))\b"
    r"|\bremember\s*[,:]\s*(?:always\s+)?(?:test|check|verify|make\s+sure|double-check|review|read)\b"
    r"|\bcan\s+(?:you|everyone|everybody|people|folks|we(?:\s+all)?|y['’]all)\s+(?:please\s+|pls\s+)?(?:avoid|stop"
    r"|refrain\s+from|not|be\s+more"
    # "Can we make sure we ask for a re-review …": the care asked of the people asked.
    r"|make\s+sure\s+(?:that\s+)?(?:we|you|everyone|everybody|people)\b"
    r"|(?:test|check|verify|build|compile|run)\s+(?:[\w'’-]+\s+){0,5}?(?:locally|first|before\s+\w+ing\b|"
    + _BEFORE_WORKFLOW
    + r"))\b"
    # Advice that hedges the same request: "might wanna bump the version before
    # publishing", "you may want to run the tests locally before pushing".
    r"|\b(?:might|may)\s+(?:wanna|want\s+to|try|consider)\s+(?:"
    + _MANUAL_ACTS
    + r")\w*\s+(?:[\w'’-]+\s+){0,6}?(?:locally|"
    + _BEFORE_WORKFLOW
    + r"|next\s+time)"
    # Compliance as the fix: "documented procedures must be followed without exception".
    r"|\b(?:procedures?|process(?:es)?|runbooks?|playbooks?|rules?|polic(?:y|ies)|checklists?|protocols?"
    r"|guidelines?|instructions|practices?)\s+(?:[\w-]+\s+){0,6}?(?:must|should|need\s+to|have\s+to|are\s+to"
    r"|will)\s+"
    r"(?:always\s+|now\s+)?be\s+(?:strictly\s+|always\s+|carefully\s+|properly\s+|fully\s+)?(?:followed"
    r"|adhered\s+to|observed|respected|complied\s+with)\b"
    # Not a runbook's own "when" or a tool that follows it: "… should be followed when the
    # primary is down", "… will be followed by the deploy bot" (but "… by everyone" asks it
    # of people).
    r"(?!\s+(?:when|whenever|if)\b|\s+by\s+(?!everyone|everybody|all\b|every\b|each\b|staff|engineers"
    r"|developers|operators|contributors)\b)"
    # A rule added that asks a manual step of people: "Adds an explicit requirement to run the
    # tests locally before pushing" (not "a requirement that CI passes", which a gate holds).
    r"|" + MANUAL_RULE +
    # A wish that people had taken care, as a remedy: "It would be nice if you notified users
    # when you change a default" (not "… if you could add an option", a feature asked for).
    r"|\bwould\s+(?:be|have\s+been)\s+(?:nice|great|helpful|good)\s+if\s+(?:you|they|people|someone|everyone"
    r"|the\s+maintainers?)\s+(?:\w+ly\s+|at\s+least\s+)?(?:tested|checked|read|notified|announced|communicated"
    r"|told|reviewed|ran|warned|informed|asked|waited|followed|bothered)\b"
    # Asked of people outright: "I'm going to ask you to please discuss it before releasing",
    # "all I'm asking is that people pay attention", "it is the responsibility of every
    # user to file reproducible reports".
    r"|\bask(?:ing)?\s+(?:you|everyone|everybody|people|all\s+of\s+you|contributors)\s+to\s+(?:please\s+)?(?:"
    + _MANUAL_ACTS
    + r"|discuss|talk|coordinate|pay\s+attention|be\s+(?:more\s+)?careful)\b"
    r"|\b(?:ask(?:ing)?|request(?:ing)?|insist(?:ing)?)\s+(?:is\s+)?that\s+(?:people|everyone|everybody|you"
    r"|engineers|developers|contributors|maintainers|folks)\s+(?:\w+ly\s+)?(?:"
    + _MANUAL_ACTS
    + r"|pay\s+attention|be\s+(?:more\s+)?careful)\b"
    r"|\b(?:it\s+is|it['’]s)\s+(?:the\s+)?(?:responsibility|duty|job)\s+of\s+(?:every|each|all)\s+[\w-]+\s+to\b"
    # A manual step made a rule: "tests must be run locally before submitting a PR" (not
    # "… run in CI", which a gate holds).
    r"|\b(?:must|should|need\s+to|needs\s+to|have\s+to|has\s+to)\s+(?:always\s+)?be\s+(?:\w+ly\s+)?"
    r"(?:(?:regression|unit|manually|properly)\s+)?(?:ran|run|tested|checked|built|verified|compiled|reviewed"
    # Not "… verified by the signing job before publishing": a gate does the step.
    r"|validated)\s+(?:(?!by\s)[\w'’-]+\s+){0,4}?(?:locally|manually|by\s+hand|"
    + _BEFORE_WORKFLOW
    + r")"
    # A shared branch's history kept by a rule on people: "master should never be force pushed".
    r"|\b(?:must|should)\s+never\s+be\s+(?:rebased|force[-\s]?pushed|rewritten)\b"
    # More care as the fix: "we need to have a more thorough code review".
    r"|\b(?:need|needs|should|must|have\s+to|has\s+to)\s+(?:to\s+)?(?:have|do|get)?\s*(?:a\s+)?(?:much\s+)?more"
    r"\s+(?:thorough|careful|rigorous|diligent|attentive)\s+(?:[\w-]+\s+){0,2}?(?:review|reviews|testing"
    r"|checks?|checking|proofreading)\b"
    # A rule of conduct restated: "it is not acceptable to push a change without …".
    r"|\bnot\s+acceptable\b[^.!?]{0,40}?\bto\s+(?:push|merge|deploy|release|ship|commit|tag)\b"
    r"[^.!?]{0,100}?\bwithout\b"
    # Vigilance as an impersonal necessity: "It's crucial to ensure that all changes undergo
    # thorough review", "it is essential that engineers verify the target first".
    r"|\bit(?:['’]s|\s+is|\s+was)\s+(?:\w+ly\s+|also\s+)?(?:crucial|important|essential|vital|critical"
    r"|imperative|paramount|key)\s+(?:to\s+(?:always\s+)?(?:"
    + _MANUAL_ACTS
    + r"|make\s+sure|ensure)"
    r"|that\s+(?:we|you|everyone|everybody|people|engineers|developers|staff|operators|reviewers"
    # Anyone in a role, one by one or all: "it is imperative that each nurse check …".
    r"|(?:each|every|all|any|the|our)\s+(?:[\w-]+\s+)?(?:" + ROLE_NOUNS + r")s?)\s+"
    r"(?:always\s+)?(?:"
    + _MANUAL_ACTS
    + r"|make\s+sure|ensure|double-check|are\s+careful|is\s+careful))\b"
    # A rule of conduct asked for: "can I ask that PRs not be merged without review".
    r"|\b(?:ask|request|insist)\s+that\s+(?:[\w'’-]+\s+){1,4}?(?:not|never|always)\s+be\s+\w+ed\s+without\b"
    # Awareness as the fix: "everyone made aware that …", "staff aware of current procedures".
    r"|\b(?:everyone|everybody|staff|personnel|employees|engineers|the\s+team|all\s+(?:staff|teams?|engineers))"
    r"\s+(?:(?:were|was|has\s+been|have\s+been|will\s+be|are|is)\s+)?made\s+aware\b"
    r"|\b(?:extra|additional|greater|special)\s+care\s+(?:with|when|around|in|on|is|must|should)\b"
    r"|\bfollow(?![\s-]+up\b)\s+[^.!?]{1,60}?\b(?:to\s+(?:prevent|avoid)\s+(?:this|that|it|such)\b|in\s+(?:the\s+)?future"
    r"|next\s+time|going\s+forward)"
    # Habits named as the lesson.
    r"|\b(?:reinforce|continuous|more|additional|refresher|mandatory|further|better|ongoing|regular|periodic"
    r"|annual|recurring|frequent|awareness)"
    r"\s+(?:\w+\s+)?training\b|\btraining\s+(?:of|for)\s+(?:all\s+)?(?:\w+\s+){0,2}?(?:staff"
    r"|employees|employee['’]s|engineers|developers|operators|teams?|people|personnel)\b"
    r"|\bpeer[- ]review\s+(?:process\s+)?(?:for|of)\s+(?:the\s+)?commands\b"
    r"|\bcovered\s+(?:in|during|at)\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,3}?training\b"
    # Eyes on by hand: "a second engineer to watch over the shoulder".
    r"|\bwatch\s+over\s+(?:[\w'’-]+\s+)?shoulders?\b"
    # A pledge of care: "our team is committed to paying closer attention".
    r"|\b(?:is|are|am|remain|remains)\s+(?:fully\s+)?committed\s+to\s+(?:paying|being|taking|following"
    r"|double-checking|checking|reviewing)\b"
    # A habit stated as the rule: "you never push directly to main".
    r"|\byou\s+(?:always|never)\s+(?:push|merge|deploy|run|skip|force-push|commit|release|touch|test"
    r"|check|verify|review)\b"
    # Four eyes by hand proposed: "that at least one other person tests it before release".
    r"|\bat\s+least\s+one\s+(?:other\s+)?(?:person|engineer|human|reviewer|colleague)\s+(?:\w+ly\s+)?"
    r"(?:tests|reviews|looks\s+over|checks|verifies|signs\s+off\s+on|eyeballs)\b"
    # Not a practice's purpose: "we write a post-mortem to (try and) learn from our mistakes".
    r"|(?<!\bto\s)(?<!\btry\sand\s)\blearn\s+from\s+(?:our|my|their|your|that|this|the|these|those)\s+"
    r"(?:\w+\s+)?(?:mistakes?|errors?|slips?)\b"
    r"|\b(?:not|never)\s+(?:do|let|make)\s+(?:it|this|that|the\s+same\s+\w+)\s+(?:\w+\s+)?again\b"
    r"|\bcomplacency\b|\bmental\s+check\b|\b(?:work|try)\s+harder\b"
    # A promise with nothing behind it: "Noted, won't happen again." (a mechanism named
    # beside it, "the deploy now blocks it, so it won't happen again", is a fix).
    r"|(?:^|(?<=[,.;:!—–-]\s)|(?<=^\s)|\bi\s+promise\s+)(?:it|this|that)?\s*(?:won['’]t|will\s+not"
    r"|shall\s+not|will\s+never|should(?:n['’]t|\s+not|\s+never))\s+happen\s+again\b"
    # The writer's promise to do it right: "going forward I'll stick to semver properly".
    r"|\b(?:i|we)(?:['’]ll|\s+will|\s+(?:am|are)\s+going\s+to|['’](?:m|re)\s+going\s+to)\s+(?:\w+\s+)?"
    r"(?:stick\s+to|follow|do|handle|check|test|review|read|tag|version|release|verify|proofread)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:properly|more\s+(?:carefully|closely|thoroughly|rigorously|diligently"
    r"|attentively)|with\s+(?:more|extra|greater)\s+care|by\s+the\s+book)\b"
    # The writer's own checking habit promised: "I will test before pushing from now on".
    r"|\b(?:i|we)(?:['’]ll|\s+will|\s+(?:am|are)\s+going\s+to)\s+(?:always\s+|now\s+)?(?:test|check|verify|review"
    r"|double-check|re-?read|proofread)\b[^.!?]{0,60}?\b(?:from\s+now\s+on|next\s+time|going\s+forward"
    r"|in\s+(?:the\s+)?future|every\s+time)\b"
    # Review by a second person promised as the fix: "all changes will be peer reviewed".
    r"|\b(?:will|shall|must)\s+(?:now\s+|always\s+|also\s+)?be\s+(?:peer[-\s]?reviewed|(?:reviewed|checked"
    r"|verified|double-checked)\s+by\s+(?:a\s+)?(?:second|another|two|senior|peer))\b"
    # A promise not to do it again: "I promise not to move the tag again", "I won't touch
    # the release branch again" (not "we won't see this again": an outcome, not an act).
    r"|\bi\s+promise\s+(?:(?:that\s+)?i\s+(?:won['’]t|will\s+not|will\s+never|['’]ll\s+never)|not\s+to"
    r"|never\s+to)\s+(?:\w+ly\s+)?\w+"
    r"|\b(?:i|we)\s+(?:won['’]t|will\s+not|will\s+never|['’]ll\s+never)\s+(?:\w+ly\s+)?(?:"
    + _MANUAL
    + r"|make|do)[^.!?]{0,60}?\bagain\b"
    # "I won't make the same mistake twice", "I was not going to make that mistake again".
    r"|\b(?:won['’]t|will\s+not|will\s+never|['’]ll\s+never|(?:am|was|were|are)\s+not\s+going\s+to"
    r"|never\s+going\s+to)\s+make\s+(?:the\s+same|that|this|such\s+an?)\s+(?:\w+\s+)?(?:mistake|error|slip"
    r"|blunder)s?\s+(?:again|twice)\b"
    # Care asked of a step rather than built into it: "migrations require extra scrutiny".
    r"|\b(?:requires?|required|needs?|needed|deserves?|warrants?|calls?\s+for|demands?)\s+(?:much\s+"
    r"|a\s+lot\s+)?(?:extra|more|additional|closer|special|greater|particular)\s+(?:scrutiny|care"
    r"|caution|vigilance|attention)\b"
    # Care asked of organisations: "companies must be diligent and vigilant".
    r"|\b(?:companies|organi[sz]ations|businesses|firms|teams|employers|operators|providers|vendors)"
    r"\s+(?:must|should|need\s+to|have\s+to)\s+(?:always\s+)?be\s+(?:more\s+|extra\s+)?(?:careful|vigilant"
    r"|diligent|cautious|mindful|attentive)\b"
    # Training given as the remedy: "provide training to cleaning staff on …".
    r"|\b(?:provide|give|offer|deliver|run|mandate|schedule|organi[sz]e|conduct|hold)\s+(?:\w+\s+){0,2}?"
    r"training\s+(?:to|for)\s+(?:all\s+|the\s+|our\s+)?(?:[\w-]+\s+)?(?:staff|employees|engineers|developers"
    r"|operators|teams?|people|personnel|workers)\b"
    # Awareness or responsiveness as the action item: "ensure the support teams are aware
    # that …", "team members to be more responsive", "enhance our focus on deadlines".
    r"|\b(?:ensure|make\s+sure)\s+(?:that\s+)?(?:all\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:teams?|staff|engineers"
    r"|people|everyone|operators|developers|personnel|members)\s+(?:are|is|be|were)\s+(?:made\s+)?aware\b"
    r"|\b(?:team\s+members|members|people|everyone|engineers|staff|developers|leads|reviewers|operators)\s+to\s+be"
    r"\s+more\s+\w+"
    r"|\b(?:enhance|improve|increase|sharpen|strengthen)\s+(?:our|their|your|the\s+team['’]s)\s+(?:focus"
    r"|attention|discipline|diligence|vigilance|awareness)\b"
    # People instructed or trained as the fix: "instructing personnel not to deviate",
    # "train our developers in …" (not "train the model").
    r"|\binstruct\w*\s+(?:all\s+)?(?:personnel|staff|employees|engineers|operators|people|workers|crews?)"
    r"\s+(?:not\s+)?to\b"
    # Not "highly-trained people", "even well trained staff": the participle describes them.
    r"|(?<!-)(?<!\beven\s)(?<!\bwell\s)(?<!ly\s)\b(?:re-?)?train(?:s|ed)?\s+(?:(?:our|the|all|your|every|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:staff|engineers|developers|devs|people"
    r"|operators|employees|monkeys|folks|workers|teams?|personnel)\b"
    # A virtue named as the protection: "the only reliable protection is discipline".
    r"|\b(?:protection|defen[cs]e|safeguard|fix|remedy|solution|answer|cure)\s+(?:here\s+)?(?:is|was|remains"
    r"|will\s+be)\s+(?:\w+\s+)?" + _VIRTUES_AS_DEFENCE + r"\b"
    # The same the other way round: "training is the first line of defence".
    r"|\b"
    + _VIRTUES_AS_DEFENCE
    + r"\s+(?:is|was|remains|will\s+be)\s+(?:the|our|your)\s+(?:first|best|only|last"
    r"|main|real|strongest)\s+(?:line\s+of\s+)?(?:protection|defen[cs]e|safeguard|barrier)\b"
    # Virtues asked for as the fix: "the fix is better discipline around releases".
    r"|\b(?:better|more|stricter|greater|improved|increased|renewed)\s+(?:discipline|diligence|rigou?r"
    r"|carefulness|vigilance|attention\s+to\s+detail)\b"
    # Four eyes by hand: "changes must be double-checked by a second person".
    r"|\b(?:must|should|will|shall|need\s+to|needs\s+to|has\s+to|have\s+to)\s+be\s+(?:manually\s+)?"
    r"(?:double[- ]?checked|checked|verified|reviewed|confirmed)\s+by\s+"
    r"(?:a\s+(?:second|another|different)|another|two|someone|a\s+human|a\s+person|a\s+colleague"
    r"|a\s+peer)\b"
    r"|\bkeep\s+(?:this|that|it)\s+in\s+mind\b|\b(?:been|be|was|were)\s+(?:\w+ly\s+)?reassigned\b"
    r"|\bcloud\s+(?:your|their|our|his|her)\s+judg(?:e)?ment\b"
    r"|\bin\s+(?:your|our|their|my)\s+(?:brain|head|mind)s?\b"
    r"|\b(?:something|things|one\s+thing|lessons?)\s+to\s+(?:keep\s+in\s+mind|remember|bear\s+in\s+mind)\b"
    # Asides in parentheses ("after a production (or staging) release") are words too.
    r"|\b(?:should|must|need\s+to|have\s+to)\s+(?:[\w()’'-]+\s+){1,16}?every\s+(?:single\s+)?time"
    r"\s+(?:we|you|they|someone|anyone)\b"
    # Compliance every time as the remedy: "… and follow it every time we deploy".
    r"|\bfollow\s+(?:it|this|them|these|that|the\s+(?:\w+\s+)?(?:list|checklist|steps|process"
    r"|procedure|runbook))\s+(?:\w+\s+){0,2}?(?:every|each)\s+(?:single\s+)?time\b"
    # People's effort named as the fix: "the fix is for reviewers to actually read the diff".
    r"|\b(?:fix|remedy|solution|lesson|answer|takeaway)\s+(?:here\s+)?(?:is|was|will\s+be)\s+for\s+"
    r"(?:people|reviewers|engineers|developers|operators|everyone|us|them|the\s+team|the\s+on-?call"
    r"|staff|ops)\s+to\b"
    # People's compliance as the remedy: "… needed to ensure we follow all proper steps".
    r"|\b(?:ensure|make\s+sure)\s+(?:that\s+)?(?:we|you|people|everyone|everybody|engineers|staff|they"
    r"|the\s+team|teams|developers|operators)\s+(?:always\s+|all\s+)?(?:follow|adhere|comply|stick)\b"
    # Checking again by hand proposed as the safeguard: "double-checking the dose with
    # the vet may provide another check".
    r"|\b(?:" + RECHECK + r"ing|(?:second|extra|another)\s+(?:pair|set)\s+of\s+eyes)\b"
    r"[^.!?]{0,160}?\b(?:may|might|would|could|will|should|can)"
    r"\s+(?:\w+\s+)?(?:provide|help|prevent|catch|avoid|reduce|add|ensure)\b"
    r"|\b(?:important|essential|crucial|vital|wise|best|better|key)\s+to\s+(?:always\s+)?"
    r"(?:double[- ]?check|check|verify|be\s+careful|pay\s+attention|read|think|pause|slow\s+down"
    r"|review|remember)\b"
    # Present tense: "the vendor suggested verifying …" narrates advice given.
    r"|\b(?:recommend|suggest)s?\s+(?:that\s+)?(?:doing|performing|running|checking|verifying"
    r"|reviewing|double-checking|confirming|testing|manually)\b"
    # A skill asked of the reader as a taunt: "can you guys learn how to make releases?",
    # "maybe learn how to use git" (not "you can learn how to configure it in the docs").
    r"|\b(?:(?:can|could|would|will)\s+(?:you|y['’]all)(?:\s+(?:guys|people|folks|all))?|please|pls|maybe"
    r"|just)\s+(?:please\s+)?learn\s+(?:how\s+)?to\b)",
    re.IGNORECASE,
)


# What follows a name said to someone: "@robin, bump …", "@robin please bump …".
_VOCATIVE_ENDS = frozenset({",", ":", "please", "pls", "plz", "plse", "pleeease"})


# Chat spells "please" short.
_PLEASE = r"(?:please|pls|plz|plse|pleeease|kindly)"


# An imperative at the start of a clause that asks for a habit: "ALWAYS work
# with a checklist", "Please bump the major version next time", "pause".
_IMPERATIVE_RE = _Lazy(
    rf"(?:{_PLEASE}\s+)?(?:always|never)[,!]?\s+(?:(?:always|never)[,!]?\s+)?\w+"
    rf"|(?:{_PLEASE}\s+|just\s+)?(?:do\s+not|don['’]t)\s+(?:\w+ly\s+|ever\s+)?(?:do\b|{_MANUAL})"
    # "please refrain from doing so again": a "don't" asked politely.
    rf"|{_PLEASE}\s+(?:refrain|restrain(?:\s+yourself)?|abstain)\s+from\s+\w+ing\b"
    # "Better check the install very carefully", "you'd better make sure …".
    rf"|(?:you['’]?d\s+|you\s+had\s+)?better\s+(?:{_MANUAL})"
    # "please *at least* make sure it works": the stress, with its emphasis marks, asks more.
    rf"|{_PLEASE}\s+(?:\w+ly\s+|[*_]*at\s+least[*_]*\s+)?(?!{READING}{POINTER_AT_HAND}){_MANUAL}"
    rf"|(?:know|learn)\s+(?:all\s+)?(?:your|the)\b|(?:pause|slow\s+down)\b"
    # "Really try to avoid deleting code", "try not to push on Fridays".
    r"|(?:really\s+|just\s+|please\s+)?try\s+(?:hard\s+)?to\s+avoid\s+(?:deleting|pushing|merging"
    r"|force-pushing|deploying|releasing|editing|touching|rushing|skipping|rewriting|overwriting|committing"
    r"|making\s+(?:\w+\s+)?(?:mistakes?|errors?))\b"
    r"|(?:really\s+|just\s+|please\s+)?try\s+(?:hard\s+)?not\s+to\s+" + _MANUAL + r""
    r"|(?:be|stay)\s+(?:more\s+|extra\s+)?(?:careful|vigilant|mindful|cautious)\b"
    # The state to work in, asked of people: "Do not work late!", "don't code when tired".
    rf"|(?:{_PLEASE}\s+)?(?:do\s+not|don['’]t|never)\s+(?:work|code|program|operate)\s+(?:late|tired|drunk"
    r"|distracted|when\b|while\b|after\s+hours|on\s+(?:prod|production)\b)"
    # The state of mind asked of people: "Don't get distracted", "never become complacent".
    rf"|(?:{_PLEASE}\s+)?(?:do\s+not|don['’]t|never)\s+(?:get|become|grow|be)\s+(?:so\s+|too\s+)?(?:distracted"
    r"|complacent|careless|sloppy|lazy|hasty|overconfident|rushed)\b(?!\s+by\b)"
    # "Make sure all tests pass before merging": care asked at a time that recurs (not
    # "Make sure the new alert pages the on-call", a one-off task).
    rf"|(?:{_CARE_AT_EACH_TIME})"
    # A habit as the instruction: "Lesson: communicate better ...", "Pay attention to ...".
    r"|(?:pay\s+(?:more\s+|closer\s+|close\s+)?attention|" + _TAKE_CARE + r""
    r"|think\s+twice|think\s+before|work\s+harder|try\s+harder|communicate\s+(?:more|better|earlier)"
    r"|don['’]t\s+rush|take\s+(?:your\s+|their\s+|a\s+|the\s+)?(?:time|moment)|improve\s+diligence"
    r"|" + RECHECK + r"\s+(?!that\s+you\s+have\b)\w+"
    # The lesson re-sent to people: "Re-communicate the deploy policy", "Reiterate …".
    r"|re-?communicate|re-?circulate|re-?iterate|re-?emphasi[sz]e|re-?educate)\b"
    # Compliance asked of everyone: "Stick to the checklist, everyone", not an
    # instruction ("Follow the runbook in docs/ops.md to restore").
    # Semantic versioning asked of a maintainer: "stick to semver, pretty please".
    r"|(?:follow|obey|stick\s+to|adhere\s+to|respect)\s+(?:the\s+)?(?:semantic\s+versioning|semver)\b"
    # "Learn to read the docs": a skill asked of the reader ("learn how to …" heads docs).
    r"|learn\s+to\s+\w+"
    # "Stop shipping updates", "stop pushing to main": an act of the reader's to cease.
    r"|stop\s+(?:push|merg|deploy|releas|shipp|break|skipp|rush|tagg|publish|force-push)ing\b"
    # Rules in general, none named: "Follow the rules", "Follow all safety procedures" (not
    # "Follow the procedure below", "… in section 3", "… to request access": a step).
    r"|(?:follow|obey|stick\s+to|adhere\s+to)\s+(?:the|our|all(?:\s+the)?|every)\s+(?:safety\s+|company\s+"
    r"|documentation\s+|documented\s+|established\s+)?(?:rules|procedures|protocols|policies)\b"
    r"(?!\s+(?:in|at|from|below|above|for|on|of|to|here|described|listed|outlined|that|which)\b)"
    r"|(?:follow|stick\s+to|adhere\s+to)\s+(?:the|our|your)\s+(?:[\w-]+\s+)?(?:checklists?|runbooks?|process"
    r"|procedures?|playbooks?|polic(?:y|ies)|rules|guidelines)\b(?=[^.!?]*\b(?:everyone|everybody|folks"
    r"|people|all|exactly|strictly|always|to\s+the\s+letter)\b)"
    # "Next time ping #infra first", "In future, take a moment ...": a remedy in time.
    r"|(?:next\s+time|in\s+(?:the\s+)?future|from\s+now\s+on|(?:going|moving)\s+forward)\s*,?\s+"
    rf"(?:{_PLEASE}\s+)?(?!we\b|i\b|you\b|the\b|our\b|it\b|this\b|all\b)[a-z]+\b",
    re.IGNORECASE,
)


# An imperative that carries its own emphasis on care anywhere in the sentence:
# "Read your PR before asking for review, please", "Verify the ID twice".
_EMPHASIS_RE = _Lazy(
    rf"\b{_PLEASE}\b|\btwice\b|\b(?:every|each)\s+(?:single\s+)?time\b|\balways\b|\bexactly\b"
    r"|\bcarefully\b|\bthoroughly\b|\bresponsibly\b|\bdiligently\b"
    # A check made a routine of people's days: "Review the procedures daily".
    # "daily" as the adverb that ends the step, not "the daily report".
    r"|\bdaily\b(?=\s*(?:[.,;:!?)]|$|and\b|before\b|after\b))"
    r"|\bevery\s+(?:day|morning|shift)\b|\bregularly\b|\bat\s+all\s+times\b"
    # The check set before the reader's own next act: "Test locally before you deploy",
    # "Check the recipients before you hit send", "Read the diff before merging" (a
    # runbook's step, "Confirm the lag is low before promoting", addresses no one).
    r"|\bbefore\s+(?:you|you['’]re|anyone|we)\b|\b" + _BEFORE_WORKFLOW + r""
    # The same step as the moment of care ("Review the incoming changes when merging"), and
    # the remedy set in time ("Read the diff next time").
    rf"|\bwhen\s+(?:you\s+|you['’]re\s+|we\s+)?(?:{_REPOSITORY_STEPS})\w*\b"
    r"|\b(?:next\s+time|in\s+(?:the\s+)?future|from\s+now\s+on|(?:going|moving)\s+forward)\b"
    # The reader's own work: "Test your pull requests", "Check your config before merging".
    r"|\byour\s+(?:own\s+)?(?:[\w-]+\s+)?(?:prs?|pull\s+requests?|changes?|code|commits?|diffs?|config"
    r"|patch(?:es)?|migrations?|scripts?|quer(?:y|ies)|commands?)\b",
    re.IGNORECASE,
)


_IMPERATIVE_VERBS = frozenset(
    {
        "read",
        "check",
        "verify",
        "confirm",
        "review",
        "test",
        "look",
        "watch",
        "ask",
        "ping",
        "follow",
    }
    | {"think", "pause", "remember", "ensure", "avoid", "stop", "wait", "communicate", "coordinate"}
    | {"re-read", "reread", "double-check", "triple-check", "inspect", "validate", "use"}
    | {"proofread", "recheck", "re-check"}
    # Asking first: "Talk to the release team before you touch main".
    | {"talk", "speak", "consult"}
)


# A directive to people: "contributors must not merge their own PRs", "nobody
# should be running migrations by hand", "operators to follow the runbook".
_DIRECTIVE_RE = _Lazy(
    r"(?:(?:\w+ly|just|still|also)\s+)?(?:(?:should|must|shall|will)\s+be\s+(?:expected|required)\s+to|must|should|shall|has\s+to"
    r"|have\s+to|needs?\s+to|ought\s+to|(?:is|are)\s+(?:expected|required)\s+to)(?:\s+not|n['’]t)?+\s+(?:(?:always|never|ever|now|then|also|still"
    r"|just|already)\s+)?+(?:be\s+(?!\w+ed\b)(?=\w+ing\b))?"
    # "should have rolled back" judges the past; "must have write access" is design.
    r"(?!be\b|have\b|get\s+\w+ed\b|see\b|return|receive|feel|worry"
    r"|hesitate|panic|blame|decide|agree|discuss|consider|evaluate|investigate|meet|talk|account|design"
    r"|expect|know\b)[a-z-]+\b",
    re.IGNORECASE,
)


# Adverbs that stress an imperative without changing what it asks.
_STRESSING = frozenset({"actually", "just", "simply", "really", "seriously", "honestly"})
# Adverbs of care before an imperative stress it too: "Carefully check the recipients".
_CARE_FIRST = frozenset({"carefully", "thoroughly", "properly"})

# Words that address the readers before an imperative: "guys, please stop pushing to
# master", "my man, stop releasing broken builds" (before a comma).
_VOCATIVE_NOUNS = frozenset(
    {"guys", "folks", "everyone", "everybody", "all", "team", "people", "y'all", "dude", "bro"}
    | {"man", "mate", "friends", "gang", "yall"}
)

# What asks for the imperative after it: "please follow semver", "can you follow semver".
_ASKING_WORDS = (_VOCATIVE_ENDS - {",", ":"}) | {"kindly"}
_ASKING_MODALS = frozenset({"can", "could", "would", "will"})


_AT_HAND_RE = _Lazy(POINTER_AT_HAND, re.IGNORECASE)


_BUILDING_VERBS = frozenset(
    {
        "add",
        "build",
        "automate",
        "implement",
        "create",
        "introduce",
        "configure",
        "enable",
        "install",
    }
    | {"set", "write", "fix", "deploy", "migrate", "upgrade", "move", "replace", "remove", "rotate"}
)


def plea(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where a remedy asks people to be more careful: a promise, a directive, a habit."""
    found = _pleading(sentence, clause)
    if found is None or _STRONG_RE.search(sentence.text):
        return None
    return found


def _pleading(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    text = _clause_text(sentence, clause, clause.start)
    # A first clause reads on to the sentence end: "I won't make that mistake again" is
    # cut at "that" by the clause reader.
    first = clause is sentence.clauses[0]
    match = _PLEA_RE.search(sentence.text[clause.start - sentence.offset :] if first else text)
    if match is not None:
        return clause.start + match.start(), clause.start + match.end()
    begin = _skip_openers(clause.words)
    # "@robin please bump ...": a vocative before the imperative.
    last = len(clause.words) - 1
    # A name is a vocative only before a comma or "please": "Kim never set a WHERE
    # clause" tells what Kim did.
    while (
        begin < last
        and clause.words[begin].text.startswith(("@", NAME_MARK))
        and (
            clause.words[begin + 1].low in _VOCATIVE_ENDS
            or clause.words[begin + 1].text.startswith(("@", NAME_MARK))
        )
    ):
        begin += 1
    begin = _past_vocative(clause.words, begin)
    if begin < len(clause.words) and clause.words[begin].low == ",":
        begin += 1
    if begin < last and clause.words[begin].low in _STRESSING:
        begin += 1  # "Actually pay attention to whether the tests ran"
    if begin < last and clause.words[begin].low in _CARE_FIRST:
        begin += 1  # "Carefully check …": the adverb is the emphasis the verb needs
    if begin >= len(clause.words):
        return None
    match = _imperative_at(sentence, clause, text, begin, first)
    if match is None:
        asked = _past_asking(clause.words, begin)
        if asked != begin and asked < len(clause.words):
            match = _imperative_at(sentence, clause, text, asked, first)
    if match is not None:
        return clause.start + match.start(), clause.start + match.end()
    if clause.words[begin].low in _IMPERATIVE_VERBS and not _git_verb(clause.words, begin):
        # A verb of care that stresses itself: "Verify the ID twice", "... please";
        # a first clause reads on to the sentence end ("Read your PR before asking
        # for review, please").
        if clause is sentence.clauses[0]:
            text = sentence.text[clause.start - sentence.offset :]
        if clause.words[begin].low in _READING_VERBS and _AT_HAND_RE.match(
            sentence.text, clause.words[begin].end - sentence.offset
        ):
            return None  # "Please check the attached log": a pointer, not care
        match = _EMPHASIS_RE.search(text)
    if match is not None:
        return clause.start + match.start(), clause.start + match.end()
    return _directive(sentence, clause)


def _git_verb(words: Sequence[Word], at: int) -> bool:
    """ "Check out the branch", "check in the fix": a version-control step, not a check."""
    return words[at].low == "check" and at + 1 < len(words) and words[at + 1].low in {"out", "in"}


def _past_vocative(words: Sequence[Word], begin: int) -> int:
    """Past "guys," or "my man," before an imperative; `begin` when there is none."""
    at = begin + 1 if begin < len(words) and words[begin].low == "my" else begin
    if at + 1 < len(words) and words[at].low in _VOCATIVE_NOUNS and words[at + 1].low == ",":
        return at + 2
    return begin


def _past_asking(words: Sequence[Word], begin: int) -> int:
    """Past "please", "can you (guys) (please)" or "please can you" before an imperative."""
    at = begin + 1 if begin < len(words) and words[begin].low in _ASKING_WORDS else begin
    if at + 1 < len(words) and words[at].low in _ASKING_MODALS and words[at + 1].low == "you":
        at += 2
        if at < len(words) and words[at].low in _VOCATIVE_NOUNS:
            at += 1
    if at < len(words) and words[at].low in _ASKING_WORDS:
        at += 1
    if at > begin and at < len(words) and words[at].low == ",":
        at += 1  # "Please, always use the template"
    return at


def _imperative_at(
    sentence: Sentence, clause: Clause, text: str, begin: int, first: bool
) -> re.Match[str] | None:
    # "Think before you merge" is cut at "before" by the clause reader.
    reach = sentence.text[clause.start - sentence.offset :] if first else text
    match = _IMPERATIVE_RE.match(reach, clause.words[begin].start - clause.start)
    if match is not None and match.start() >= len(text):
        return None
    return match


def _directive(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A modal directive whose agent is a person or nobody, asking for a manual act."""
    if clause.agent not in (OTHER, NOBODY):
        return None
    start, text = _predicate(sentence, clause)
    match = _DIRECTIVE_RE.match(text)
    if match is None or match.group().split()[-1].lower() in _BUILDING_VERBS:
        return None
    return start + match.start(), start + match.end()

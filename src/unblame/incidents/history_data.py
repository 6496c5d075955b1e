"""Word pools for generated history (history.py), written by the unblame project.

Generated incidents happen at the same fictional grocer as the hand-written
demo (demo_data.py), with more services and people. Each incident is put
together from a failure (what broke, in a service) and a trigger (what set it
off); the sentences read like a team's own notes, written about the system.
"""

from __future__ import annotations

# Services beyond the demo's own nine, with one-line descriptions.
MORE_SERVICES = [
    ("basket", "The basket and its saved items."),
    ("delivery-slots", "Delivery slot booking and capacity."),
    ("pricing", "Prices, promotions and vouchers."),
    ("catalogue", "Product data and images."),
    ("recommendations", "\u201cYou may also like\u201d and reorder suggestions."),
    ("loyalty", "Points, rewards and the loyalty card."),
    ("refunds", "Refunds and credit notes."),
    ("fraud-checks", "Order screening before payment."),
    ("warehouse-sync", "Stock feeds from the warehouses."),
    ("picking", "The pickers' handheld app."),
    ("routing", "Van routes for deliveries."),
    ("driver-app", "The drivers' app and proof of delivery."),
    ("customer-support", "The support desk and its integrations."),
    ("email-gateway", "Outbound email through the provider."),
    ("sms-gateway", "Outbound SMS through the provider."),
    ("cdn", "Static assets and images at the edge."),
    ("dns", "Public and internal name resolution."),
    ("kubernetes", "The clusters every service runs on."),
    ("postgres-main", "The main order database."),
    ("message-queue", "The queue between ordering and fulfilment."),
    ("ci-pipeline", "Builds, tests and deploys."),
]

TEAMS = ["payments", "platform", "search", "identity", "fulfilment", "growth", "data", "support"]
TIME_ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"]

FIRST_NAMES = [
    "Aisha", "Bruno", "Carmen", "Dmitri", "Esther", "Felix", "Grace", "Hugo", "Ines", "Jonas",
    "Keiko", "Luca", "Maya", "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tessa",
    "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Arjun", "Beatriz", "Caleb", "Delia",
]  # fmt: skip
LAST_NAMES = [
    "Adeyemi", "Brandt", "Costa", "Duval", "Eriksen", "Fischer", "Garcia", "Hughes", "Ivanova",
    "Jensen", "Kaur", "Lopez", "Moreau", "Nakamura", "Oduya", "Petrov", "Rossi", "Silva",
]  # fmt: skip

# Severity name -> relative frequency: most incidents are small.
SEVERITY_WEIGHTS = {"SEV1": 3, "SEV2": 15, "SEV3": 40, "SEV4": 42}

# (title pattern, summary pattern, symptom seen on the timeline); {service} is filled in.
FAILURES = [
    (
        "{service} returning errors for {share} of requests",
        "{share} of requests to {service} failed with server errors for {duration}.",
        "Error rate on {service} above the alert threshold.",
    ),
    (
        "{service} slow at peak",
        "Responses from {service} took several seconds at the {period} peak for {duration}.",
        "p95 latency on {service} over two seconds.",
    ),
    (
        "{service} unavailable in one region",
        "{service} was unreachable from one region for {duration}; the others kept serving.",
        "Health checks failing for {service} in one region.",
    ),
    (
        "Stale data served by {service}",
        "{service} served data up to {age} old for {duration} while its updates stalled.",
        "Freshness check on {service} reports data {age} old.",
    ),
    (
        "{service} queue backing up",
        "Work for {service} queued faster than it drained for {duration}; customers waited.",
        "Queue depth for {service} growing for ten minutes.",
    ),
    (
        "Partial outage of {service} after a change",
        "Some requests to {service} failed for {duration} after a change went out.",
        "Spike of failed requests on {service} right after a change.",
    ),
]

# (what set it off, a contributing-factor category, a factor description).
TRIGGERS = [
    (
        "a configuration change",
        "Configuration",
        "The configuration change reached every instance of {service} at once; nothing "
        "staged it or checked it against production values first.",
    ),
    (
        "a deploy",
        "Change management",
        "The deploy of {service} went to all instances in one step, so the faulty build "
        "served every request before its health checks could fail.",
    ),
    (
        "an expired certificate",
        "Dependency",
        "A certificate {service} relies on expired; its expiry date was tracked nowhere "
        "that alerted.",
    ),
    (
        "a traffic spike",
        "Capacity",
        "{service} ran with headroom for normal weekday traffic only, and autoscaling "
        "reacted more slowly than the spike grew.",
    ),
    (
        "a provider incident",
        "Dependency",
        "{service} had no fallback when its upstream provider degraded, and the client "
        "retried without backoff.",
    ),
    (
        "a schema migration",
        "Testing",
        "The migration for {service} was tested against a small copy of the data, where "
        "its table lock took milliseconds instead of minutes.",
    ),
    (
        "a full disk",
        "Monitoring and detection",
        "Disk usage on the {service} hosts was graphed but not alerted on, so it filled "
        "over a week without anyone being told.",
    ),
]

DETECTION_FACTOR = (
    "Alerting",
    "The alert for {service} waited for a sustained breach before paging, so the "
    "response began after customers were already affected.",
)

# (kind, text) for the middle of a timeline; {service} and {trigger} are filled in.
NOTES = [
    ("note", "Dashboards show the errors started right after {trigger}."),
    ("chat_message", "Seeing the same on {service}; rolling back is on the table."),
    ("decision", "Decided to roll back {service} rather than fix forward."),
    ("deploy", "Rollback of {service} started."),
    ("action", "Scaled {service} out to twice its usual size."),
    ("chat_message", "Support reports customers hitting this since about ten minutes ago."),
    ("note", "The status page now says we are investigating."),
    ("decision", "Paused all deploys to {service} until we understand {trigger}."),
]

MITIGATIONS = [
    "Rolling back {service} brought the error rate down to normal.",
    "Adding capacity to {service} stopped the queue from growing.",
    "Failing over {service} to the healthy region restored service.",
    "Reverting {trigger} restored {service}.",
]

# Review sections by template key; {service}, {trigger} and {duration} are filled in.
REVIEW_TEXT = {
    "summary": "For {duration}, {service} failed for part of our customers after {trigger}. "
    "The team rolled the change back and watched until the error rate stayed normal.",
    "impact": "Customers using {service} saw errors or long waits for {duration}. No data was "
    "lost; support answered the questions that came in.",
    "timeline": "The alert fired a few minutes after {trigger}. The on-call engineer "
    "acknowledged, matched the start of the errors to the change and proposed a rollback, "
    "which the incident commander agreed to. The rollback finished and the graphs recovered.",
    "contributing_factors": "Several conditions came together: {trigger} reached {service} "
    "without a staged rollout, the alert waited for a sustained breach, and the dashboards "
    "showed the change and the errors on different pages.",
    "what_went_well": "The rollback path for {service} was rehearsed and took minutes.",
    "where_we_got_lucky": "It happened during working hours, with the owning team online.",
    "what_surprised_us": "Nobody expected {trigger} to affect {service}; the dependency was "
    "not written down anywhere.",
    "action_items": "The items below close the gaps that let {trigger} reach customers.",
    "learnings": "Changes to {service} need the same staged rollout as code changes.",
}

# (title, kind, relies on people trying harder); {service} is filled in.
ACTION_ITEMS = [
    ("Roll out configuration for {service} in stages with automatic rollback", "prevent", False),
    ("Alert on the error budget burn rate of {service}", "detect", False),
    ("Add a load-shedding switch to {service}", "mitigate", False),
    ("Run a game day on losing {service}", "learn", False),
    ("Write a runbook for restarting {service}", "learn", False),
    ("Track certificate expiry for {service} and page 30 days ahead", "detect", False),
    ("Add a migration lint that refuses long table locks on {service}", "prevent", False),
    ("Remind everyone to be more careful when changing {service}", "process", True),
    ("Train on-call engineers to double-check {service} dashboards after deploys", "process", True),
]

PERIODS = ["morning", "lunchtime", "evening", "Saturday"]
SHARES = ["5%", "12%", "30%", "half", "most"]
AGES = ["20 minutes", "an hour", "three hours", "half a day"]
BOTS = ["alertmanager", "pagerduty", "statuspage-bot"]

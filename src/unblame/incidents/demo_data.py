"""The demo dataset: a dozen incidents at Fernhill, a fictional online grocer.

Written by the unblame project for `unblame demo` and the first `make run`.
Times are offsets so the data always looks recent: each incident starts
`days_ago` days before loading at `start` (UTC), or `hours_ago` hours before
loading, and every key moment and timeline event is given in minutes after
impact started.

Event tuples are (minutes, kind, author, text, highlighted); an author that
is not a demo person (a bot, a chat handle) is kept as a plain name.
"""

from __future__ import annotations

SERVICES = [
    ("checkout", "Basket, delivery slot and order placement."),
    ("search", "Product search and autocomplete."),
    ("auth", "Sign-in, sessions and password resets."),
    ("payments-api", "Card authorisation and refunds through the payment provider."),
    ("notifications", "Order emails, SMS and push messages."),
    ("inventory", "Stock levels per warehouse."),
    ("web-frontend", "The shop website."),
    ("mobile-api", "The API behind the iOS and Android apps."),
    ("data-pipeline", "Nightly exports to the warehouse and finance."),
]

# username, first name, last name, role
PEOPLE = [
    ("amara", "Amara", "Okafor", "editor"),
    ("ben", "Ben", "Hartley", "editor"),
    ("chen", "Chen", "Wei", "editor"),
    ("dana", "Dana", "Kowalski", "editor"),
    ("eli", "Eli", "Navarro", "editor"),
    ("farah", "Farah", "Haddad", "editor"),
    ("gus", "Gus", "Lindqvist", "viewer"),
]

IC, SCRIBE, COMMS, RESP = "incident_commander", "scribe", "communications", "responder"

INCIDENTS = [
    {
        "title": "Checkout failing for card payments after provider certificate rotation",
        "severity": "SEV1",
        "status": "closed",
        "services": ["checkout", "payments-api"],
        "days_ago": 74,
        "start": "18:42",
        "summary": (
            "For 47 minutes about 60% of card payments failed at checkout. The payment "
            "provider rotated its TLS intermediate certificate; our payments-api pinned the "
            "old one in a bundle baked into the container image, so new connections were "
            "refused. Rolling out an image with the updated bundle restored payments."
        ),
        "moments": {"detected": 6, "acknowledged": 9, "mitigated": 47, "resolved": 95},
        "responders": [("amara", IC), ("ben", RESP), ("chen", SCRIBE), ("farah", COMMS)],
        "events": [
            (0, "alert", "alertmanager", "PaymentAuthErrorRate above 20% for 5 minutes.", False),
            (6, "alert", "pagerduty", "Page sent to payments on-call.", False),
            (
                9,
                "note",
                "ben",
                "Acknowledged. Errors are TLS handshake failures to the provider.",
                True,
            ),
            (14, "decision", "amara", "Declared SEV1; Amara is incident commander.", False),
            (
                18,
                "chat_message",
                "chen",
                "Provider status page shows a certificate rotation at 18:40.",
                True,
            ),
            (
                25,
                "note",
                "ben",
                "Our image pins intermediates in certs/bundle.pem, built in March.",
                True,
            ),
            (
                31,
                "decision",
                "amara",
                "Build a hotfix image with the provider's new chain rather than disable pinning.",
                True,
            ),
            (
                33,
                "note",
                "farah",
                "Status page updated: card payments failing, alternatives work.",
                False,
            ),
            (41, "deploy", "deploy-bot", "payments-api 2024.11.3-hotfix1 rolling out.", False),
            (47, "note", "ben", "Error rate back under 1%; payments succeeding.", True),
            (95, "note", "amara", "No errors for 45 minutes; resolving.", False),
        ],
    },
    {
        "title": "Search results empty for two hours after index alias swap",
        "severity": "SEV2",
        "status": "closed",
        "services": ["search", "web-frontend"],
        "days_ago": 61,
        "start": "07:15",
        "summary": (
            "The nightly reindex finished with zero documents because the source query hit a "
            "renamed column; the alias swap step did not check the document count, so search "
            "pointed at an empty index. Customers could browse categories but search found nothing."
        ),
        "moments": {"detected": 38, "acknowledged": 44, "mitigated": 71, "resolved": 132},
        "responders": [("dana", IC), ("eli", RESP)],
        "events": [
            (
                0,
                "deploy",
                "cron",
                "search-reindex job swapped alias products -> products_0611.",
                False,
            ),
            (
                38,
                "chat_message",
                "support-lead",
                "Several customers say search shows no results.",
                True,
            ),
            (
                44,
                "note",
                "eli",
                "products_0611 has 0 documents; previous index still exists.",
                True,
            ),
            (
                52,
                "decision",
                "dana",
                "Point the alias back at products_0610 now, investigate later.",
                True,
            ),
            (71, "note", "eli", "Alias restored; search returns results again.", False),
            (
                90,
                "note",
                "eli",
                "Reindex query selects sku_code, renamed to sku in yesterday's migration.",
                False,
            ),
            (
                132,
                "deploy",
                "deploy-bot",
                "search-reindex refuses to swap when the new index has under 90% of the old count.",
                True,
            ),
        ],
    },
    {
        "title": "Credential-stuffing wave against sign-in",
        "severity": "SEV2",
        "status": "resolved",
        "services": ["auth", "mobile-api"],
        "days_ago": 40,
        "start": "02:05",
        "restricted": True,
        "summary": (
            "A distributed credential-stuffing attempt sent 1.9 million sign-in requests from "
            "residential proxies over three hours. Rate limits were per IP and did not engage. "
            "Around 140 accounts with reused passwords were accessed; sessions were revoked and "
            "owners asked to reset their passwords."
        ),
        "moments": {"detected": 52, "acknowledged": 58, "mitigated": 131, "resolved": 410},
        "responders": [("farah", IC), ("chen", RESP), ("amara", SCRIBE)],
        "events": [
            (0, "alert", "alertmanager", "Sign-in failures 30x the weekly baseline.", False),
            (
                52,
                "alert",
                "pagerduty",
                "Auth on-call paged after the anomaly alert escalated.",
                False,
            ),
            (
                58,
                "note",
                "chen",
                "Requests spread over ~40k IPs, one user agent, mobile-api endpoint.",
                True,
            ),
            (75, "decision", "farah", "Treat as a security incident; restrict this record.", True),
            (
                96,
                "deploy",
                "deploy-bot",
                "Sign-in challenge enabled for the mobile endpoint.",
                False,
            ),
            (131, "note", "chen", "Attempt rate down 95%; remaining traffic challenged.", True),
            (
                240,
                "action",
                "amara",
                "Revoked sessions for 143 accounts with successful suspicious sign-ins.",
                False,
            ),
            (410, "note", "farah", "Customer notices sent; resolving, follow-ups tracked.", False),
        ],
    },
    {
        "title": "Order confirmation emails delayed by up to six hours",
        "severity": "SEV3",
        "status": "closed",
        "services": ["notifications"],
        "days_ago": 33,
        "start": "11:30",
        "summary": (
            "A marketing campaign queued 2.4 million emails on the same queue as order "
            "confirmations. Workers processed the queue in order, so confirmations waited "
            "behind the campaign. Confirmations now use their own queue."
        ),
        "moments": {"detected": 95, "acknowledged": 110, "mitigated": 150, "resolved": 360},
        "responders": [("eli", IC), ("gus", RESP)],
        "events": [
            (
                0,
                "deploy",
                "campaign-tool",
                "Spring produce campaign scheduled: 2.4M recipients.",
                False,
            ),
            (
                95,
                "chat_message",
                "support-lead",
                "Customers ask where their order confirmation is.",
                True,
            ),
            (110, "note", "eli", "Queue depth 2.1M; confirmations behind campaign messages.", True),
            (
                126,
                "decision",
                "eli",
                "Pause the campaign sender and let confirmations drain.",
                True,
            ),
            (150, "note", "eli", "New confirmations arriving within a minute.", False),
            (360, "note", "eli", "Backlog drained; campaign resumed on a separate queue.", False),
        ],
    },
    {
        "title": "Inventory counts frozen at the Leeds warehouse",
        "severity": "SEV3",
        "status": "closed",
        "services": ["inventory", "checkout"],
        "days_ago": 27,
        "start": "05:50",
        "summary": (
            "The Leeds warehouse feed stopped updating after the vendor changed its file "
            "timestamp format. Stale stock meant 380 orders included items that were already "
            "gone; shoppers received substitutions."
        ),
        "moments": {"detected": 190, "acknowledged": 198, "mitigated": 240, "resolved": 300},
        "responders": [("ben", IC), ("dana", RESP)],
        "events": [
            (0, "alert", "vendor-sftp", "Leeds stock file parsed with 0 rows.", False),
            (
                190,
                "chat_message",
                "leeds-ops",
                "Pickers report many out-of-stock items on today's orders.",
                True,
            ),
            (
                198,
                "note",
                "ben",
                "Last successful Leeds import at 05:45; parser rejects the new timestamp.",
                True,
            ),
            (
                215,
                "decision",
                "ben",
                "Mark Leeds stock as uncertain so checkout offers substitutions up front.",
                False,
            ),
            (240, "deploy", "deploy-bot", "inventory-feed accepts both timestamp formats.", False),
            (300, "note", "dana", "Import catching up; counts match the warehouse again.", False),
        ],
    },
    {
        "title": "Mobile app sign-in loop after session token change",
        "severity": "SEV2",
        "status": "closed",
        "services": ["auth", "mobile-api"],
        "days_ago": 21,
        "start": "09:10",
        "summary": (
            "A release shortened session tokens' lifetime while the Android app cached tokens "
            "for 24 hours. Android users were signed out every few minutes and could not stay "
            "signed in. Rolling back the lifetime change stopped the loop."
        ),
        "moments": {"detected": 12, "acknowledged": 15, "mitigated": 58, "resolved": 58},
        "responders": [("chen", IC), ("farah", RESP), ("amara", COMMS)],
        "events": [
            (
                0,
                "deploy",
                "deploy-bot",
                "auth 3.14 released: session token lifetime 15 min.",
                False,
            ),
            (12, "alert", "alertmanager", "Android sign-in rate 8x normal.", False),
            (15, "note", "chen", "Only Android affected; iOS refreshes tokens on 401.", True),
            (22, "decision", "chen", "Roll back auth 3.14 rather than ship an app fix.", True),
            (
                30,
                "note",
                "amara",
                "In-app banner: 'We're fixing a sign-in problem on Android.'",
                False,
            ),
            (58, "deploy", "deploy-bot", "auth 3.13 restored.", True),
            (64, "note", "farah", "Sign-in rate back to normal.", False),
        ],
    },
    {
        "title": "Nightly finance export missing refunds",
        "severity": "SEV4",
        "status": "resolved",
        "services": ["data-pipeline", "payments-api"],
        "days_ago": 16,
        "start": "01:00",
        "summary": (
            "The nightly export to finance left out refunds for three days after refunds moved "
            "to a new table. No customer impact; finance noticed a reconciliation gap."
        ),
        "moments": {"detected": 3600, "acknowledged": 3660, "mitigated": 3900, "resolved": 4200},
        "responders": [("dana", IC)],
        "events": [
            (0, "deploy", "deploy-bot", "payments-api writes refunds to refunds_v2.", False),
            (
                3600,
                "chat_message",
                "finance-team",
                "Reconciliation is off by the value of refunds since Tuesday.",
                True,
            ),
            (3660, "note", "dana", "Export still reads the old refunds table.", True),
            (
                3900,
                "deploy",
                "deploy-bot",
                "finance-export reads refunds_v2; backfill for three days.",
                False,
            ),
            (4200, "note", "dana", "Finance confirms the numbers match.", False),
        ],
    },
    {
        "title": "Website slow during Saturday morning peak",
        "severity": "SEV3",
        "status": "closed",
        "services": ["web-frontend", "search"],
        "days_ago": 12,
        "start": "08:55",
        "summary": (
            "Page loads took 6–9 seconds for 40 minutes. A cache node was replaced on Friday "
            "with a smaller instance type by the autoscaling template; the hit rate fell and "
            "the database absorbed the peak."
        ),
        "moments": {"detected": 4, "acknowledged": 7, "mitigated": 41, "resolved": 180},
        "responders": [("eli", IC), ("ben", RESP), ("chen", SCRIBE)],
        "events": [
            (0, "alert", "alertmanager", "p95 page load above 4 s.", False),
            (7, "note", "eli", "Database CPU at 95%; cache hit rate 41% (usually 93%).", True),
            (
                15,
                "note",
                "ben",
                "cache-3 is an r6g.large since Friday's replacement; others are xlarge.",
                True,
            ),
            (20, "decision", "eli", "Scale the web tier out while cache-3 is replaced.", False),
            (41, "note", "ben", "Page loads back under 2 s.", False),
            (
                180,
                "deploy",
                "deploy-bot",
                "Autoscaling template pins the cache instance type.",
                True,
            ),
        ],
    },
    {
        "title": "Duplicate charges on retried payments",
        "severity": "SEV2",
        "status": "monitoring",
        "services": ["payments-api", "checkout"],
        "days_ago": 5,
        "start": "16:20",
        "summary": (
            "When the provider timed out, checkout retried authorisation without an "
            "idempotency key, and some customers were charged twice. Retries now send the "
            "order id as the idempotency key; duplicate charges are being refunded."
        ),
        "moments": {"detected": 90, "acknowledged": 96, "mitigated": 150},
        "responders": [("amara", IC), ("ben", RESP), ("farah", COMMS), ("gus", SCRIBE)],
        "events": [
            (0, "alert", "alertmanager", "Payment provider latency p99 above 10 s.", False),
            (
                90,
                "chat_message",
                "support-lead",
                "Three customers report being charged twice.",
                True,
            ),
            (
                96,
                "note",
                "ben",
                "Checkout retries after 8 s with a new request id each time.",
                True,
            ),
            (
                110,
                "decision",
                "amara",
                "Disable automatic retries until idempotency keys ship.",
                True,
            ),
            (
                150,
                "deploy",
                "deploy-bot",
                "checkout sends order id as idempotency key on retries.",
                False,
            ),
            (
                200,
                "action",
                "farah",
                "Refunding 212 duplicate charges; emailing affected customers.",
                False,
            ),
            (1440, "note", "ben", "No duplicates in 24 h; watching through the weekend.", False),
        ],
    },
    {
        "title": "Support tool showed other customers' addresses",
        "severity": "SEV1",
        "status": "identified",
        "services": ["web-frontend", "auth"],
        "days_ago": 3,
        "start": "13:05",
        "restricted": True,
        "summary": (
            "For some support agents the customer panel showed the delivery address of the "
            "previously viewed customer. A response cache keyed on the URL without the customer "
            "id served one customer's panel to the next lookup. The panel is disabled while the "
            "cache key is fixed and access logs are reviewed."
        ),
        "moments": {"detected": 25, "acknowledged": 28, "mitigated": 40},
        "responders": [("farah", IC), ("dana", RESP)],
        "events": [
            (0, "deploy", "deploy-bot", "support-panel 2.8 enables response caching.", False),
            (
                25,
                "chat_message",
                "support-agent",
                "The address shown does not match the customer I'm talking to.",
                True,
            ),
            (28, "note", "dana", "Cache key is the path only; customer id is a header.", True),
            (33, "decision", "farah", "Disable the customer panel for all agents now.", True),
            (40, "action", "dana", "Panel disabled; cache flushed.", False),
            (120, "note", "farah", "Reviewing access logs to list affected customers.", False),
        ],
    },
    {
        "title": "Push notifications not delivered on iOS",
        "severity": "SEV4",
        "status": "closed",
        "services": ["notifications", "mobile-api"],
        "days_ago": 48,
        "start": "10:00",
        "summary": (
            "The push signing key expired; iOS notifications failed silently for a day because "
            "delivery errors were logged but not counted. A new key was issued and key expiry "
            "is now monitored."
        ),
        "moments": {"detected": 1380, "acknowledged": 1400, "mitigated": 1445, "resolved": 1500},
        "responders": [("gus", RESP), ("eli", IC)],
        "events": [
            (0, "note", "apns", "Push signing key expired.", False),
            (
                1380,
                "chat_message",
                "qa-team",
                "No delivery notifications on our iPhones since yesterday.",
                True,
            ),
            (1400, "note", "eli", "Logs show 403 InvalidProviderToken for every iOS push.", True),
            (1445, "deploy", "deploy-bot", "New signing key deployed.", False),
            (
                1500,
                "action",
                "gus",
                "Added an alert on push error ratio and a calendar reminder 30 days before expiry.",
                True,
            ),
        ],
    },
    {
        "title": "Checkout delivery slots not loading",
        "severity": "SEV2",
        "status": "investigating",
        "services": ["checkout", "inventory"],
        "hours_ago": 1,
        "summary": "Some shoppers see a spinner instead of delivery slots at checkout.",
        "moments": {"detected": 9, "acknowledged": 14},
        "responders": [("ben", IC), ("chen", RESP)],
        "events": [
            (0, "alert", "alertmanager", "slots endpoint error rate 12%.", False),
            (9, "alert", "pagerduty", "Checkout on-call paged.", False),
            (14, "note", "ben", "Errors are timeouts from the slot capacity service.", True),
            (
                22,
                "chat_message",
                "chen",
                "Capacity service connection pool exhausted since 00:28.",
                False,
            ),
        ],
    },
]

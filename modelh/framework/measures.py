"""The seven measurement domains and their success indicators."""

from __future__ import annotations

from .entities import Domain, Guidance, Indicator, ordered
from .vocab import DOMAIN_IDS, INDICATOR_IDS, MEASURE_TRACKS

(
    _STRATEGY,
    _CULTURE,
    _BRAND,
    _PEOPLE,
    _PROCESS,
    _FINANCIAL,
    _CUSTOMER,
) = DOMAIN_IDS

_REVENUE, _COST, _HEALTH, _EXPERIENCE, _OPERATIONS = MEASURE_TRACKS

_RELATIONSHIP_STRATEGY, _IMPLEMENTATION_PLAN, _MATURITY_CURVE = INDICATOR_IDS[_STRATEGY]
(
    _FOCUS_EFFECTIVENESS,
    _SHARED_EXECUTIVE_MEASURE,
    _COMPANY_WIDE_MEASURE,
    _RELATIONSHIP_DASHBOARD,
) = INDICATOR_IDS[_CULTURE]
_PROVIDER_FEEDBACK_LOOP, _CUSTOMER_FEEDBACK_LOOP = INDICATOR_IDS[_PROCESS]
(
    _RELATIONSHIP_REVENUE,
    _COST_TO_SERVE,
    _COST_TO_SATISFY_BY_CHANNEL,
    _COST_TO_SERVE_RATIO,
) = INDICATOR_IDS[_FINANCIAL]
(
    _CSAT,
    _NPS,
    _CES,
    _REACH_TO_LEAD,
    _LEAD_TO_CUSTOMER,
    _RETENTION_RATE,
    _REFERRAL_RATE,
    _CALL_CENTER,
    _COMPLIANCE,
    _COMPREHENSION,
    _APPLICATION_SPEED,
    _RESOLUTION_SPEED,
    _COMPLAINTS,
    _KUDOS,
    _TOUCHPOINT_SATISFACTION,
    _QUALITY_SCORE,
    _LIKELIHOOD_TO_RECOMMEND,
) = INDICATOR_IDS[_CUSTOMER]

#: Titles of the four customer-indicator groups, usable as report headings.
SINGLE_MEASURES = "Single measures"
HOW_WELL_CUSTOMERS_LISTEN = "How well customers listen to you"
HOW_EASY_TO_WORK_WITH = "How easy you are to work with"
HOW_CUSTOMERS_FEEL = "How customers feel about you"

#: The four customer-domain groups: (group title, indicator ids), in report order.
CUSTOMER_INDICATOR_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        SINGLE_MEASURES,
        (
            _CSAT,
            _NPS,
            _CES,
            _REACH_TO_LEAD,
            _LEAD_TO_CUSTOMER,
            _RETENTION_RATE,
            _REFERRAL_RATE,
        ),
    ),
    (HOW_WELL_CUSTOMERS_LISTEN, (_CALL_CENTER, _COMPLIANCE, _COMPREHENSION)),
    (
        HOW_EASY_TO_WORK_WITH,
        (
            _APPLICATION_SPEED,
            _RESOLUTION_SPEED,
            _COMPLAINTS,
            _KUDOS,
            _TOUCHPOINT_SATISFACTION,
        ),
    ),
    (HOW_CUSTOMERS_FEEL, (_QUALITY_SCORE, _LIKELIHOOD_TO_RECOMMEND)),
)

#: The three groups a culture-domain shared executive measure is shared with.
SHARED_EXECUTIVE_MEASURE_GROUPS: tuple[str, ...] = (
    "Customer experience",
    "Sales and customer development",
    "Channel owners",
)

_GROUP_OF: dict[str, str] = {
    indicator_id: title
    for title, indicator_ids in CUSTOMER_INDICATOR_GROUPS
    for indicator_id in indicator_ids
}

#: Indicators the method names but whose counting is to be agreed with leadership.
PENDING_LEADERSHIP_INDICATORS: tuple[str, ...] = (_RELATIONSHIP_REVENUE,)

# (id, name, tracks, description) per domain; the group is looked up for customer indicators.
_INDICATOR_TEXT: dict[str, tuple[tuple[str, str, str | None, str], ...]] = {
    _STRATEGY: (
        (
            _RELATIONSHIP_STRATEGY,
            "Relationship-management strategy",
            None,
            "A documented strategy for managing customer relationships, owned by an executive.",
        ),
        (
            _IMPLEMENTATION_PLAN,
            "Implementation plan",
            None,
            "A plan with milestones, owners and budget that puts the relationship strategy "
            "into practice.",
        ),
        (
            _MATURITY_CURVE,
            "Value maturity curve",
            None,
            "A curve showing how the value created for the company and its customers grows "
            "as relationships mature.",
        ),
    ),
    _CULTURE: (
        (
            _FOCUS_EFFECTIVENESS,
            "Effectiveness of the relationship focus",
            None,
            "How well the organization turns its focus on relationships into everyday "
            "behavior and results.",
        ),
        (
            _SHARED_EXECUTIVE_MEASURE,
            "Shared executive measure",
            None,
            "A relationship measure that executives carry jointly with the customer-experience, "
            "sales and channel leaders.",
        ),
        (
            _COMPANY_WIDE_MEASURE,
            "Company-wide relationship measure",
            None,
            "One relationship measure that every employee knows and contributes to, carried in "
            "the company's annual performance measures.",
        ),
        (
            _RELATIONSHIP_DASHBOARD,
            "Relationship dashboard",
            None,
            "A dashboard of relationship measures that the senior team has agreed on and "
            "reviews regularly.",
        ),
    ),
    _BRAND: (),
    _PEOPLE: (),
    _PROCESS: (
        (
            _PROVIDER_FEEDBACK_LOOP,
            "Provider feedback loop",
            _OPERATIONS,
            "A working loop that collects feedback from providers, acts on it and reports "
            "back what changed.",
        ),
        (
            _CUSTOMER_FEEDBACK_LOOP,
            "Customer feedback loop",
            _OPERATIONS,
            "A working loop that collects feedback from members and patients, acts on it and "
            "closes the loop with them.",
        ),
    ),
    _FINANCIAL: (
        (
            _RELATIONSHIP_REVENUE,
            "Revenue from relationships",
            _REVENUE,
            "Revenue attributable to customer relationships, counted the way leadership agrees "
            "on, since the method names no revenue indicator of its own.",
        ),
        (
            _COST_TO_SERVE,
            "Cost to serve",
            _COST,
            "The full cost of serving a customer or segment over a period.",
        ),
        (
            _COST_TO_SATISFY_BY_CHANNEL,
            "Cost to satisfy by channel",
            _COST,
            "The cost of fully satisfying a customer request in each channel: email, chat, "
            "online, phone and in person.",
        ),
        (
            _COST_TO_SERVE_RATIO,
            "Cost to serve as a share of revenue",
            _COST,
            "Cost to serve divided by total revenue, showing how efficiently relationships "
            "are delivered.",
        ),
    ),
    _CUSTOMER: (
        (
            _CSAT,
            "Customer satisfaction (CSAT)",
            _EXPERIENCE,
            "The share of customers who rate a product, service or interaction as satisfying.",
        ),
        (
            _NPS,
            "Net Promoter Score (NPS)",
            _EXPERIENCE,
            "Promoters minus detractors, from how likely customers say they are to recommend you.",
        ),
        (
            _CES,
            "Customer Effort Score (CES)",
            _EXPERIENCE,
            "How much effort customers report it took to get what they needed.",
        ),
        (
            _REACH_TO_LEAD,
            "Reach-to-lead conversion",
            None,
            "The share of people reached by outreach or marketing who become qualified leads.",
        ),
        (
            _LEAD_TO_CUSTOMER,
            "Lead-to-customer conversion",
            None,
            "The share of leads who enroll, sign or become patients.",
        ),
        (
            _RETENTION_RATE,
            "Retention rate",
            None,
            "The share of customers who stay from one period or plan year to the next.",
        ),
        (
            _REFERRAL_RATE,
            "Referral rate",
            None,
            "The share of new customers who arrive through a referral from an existing one.",
        ),
        (
            _CALL_CENTER,
            "Call-center data",
            _OPERATIONS,
            "Contact volumes, reasons and repeat calls that reveal whether customers act on "
            "what you tell them.",
        ),
        (
            _COMPLIANCE,
            "Customer compliance",
            None,
            "How far customers follow agreed steps such as screenings, refills or care plans.",
        ),
        (
            _COMPREHENSION,
            "Comprehension of communications",
            _EXPERIENCE,
            "How well customers understand the letters, notices and messages you send them.",
        ),
        (
            _APPLICATION_SPEED,
            "Speed of application",
            _OPERATIONS,
            "How long it takes a customer to apply, enroll or sign up from start to finish.",
        ),
        (
            _RESOLUTION_SPEED,
            "Speed of issue resolution",
            _OPERATIONS,
            "How long it takes to resolve a customer's issue from first contact.",
        ),
        (
            _COMPLAINTS,
            "Complaints",
            _EXPERIENCE,
            "The number and nature of complaints and grievances customers file.",
        ),
        (
            _KUDOS,
            "Kudos",
            _EXPERIENCE,
            "Unprompted praise and compliments customers give your people and services.",
        ),
        (
            _TOUCHPOINT_SATISFACTION,
            "Satisfaction with touchpoints",
            _EXPERIENCE,
            "Satisfaction measured at individual touchpoints such as the portal, the app or "
            "the front desk.",
        ),
        (
            _QUALITY_SCORE,
            "Quality scores",
            None,
            "External or internal quality ratings, such as star ratings, that reflect how "
            "customers judge you.",
        ),
        (
            _LIKELIHOOD_TO_RECOMMEND,
            "Likelihood to recommend",
            _EXPERIENCE,
            "How likely customers say they are to recommend you to friends, family or colleagues.",
        ),
    ),
}

_DOMAIN_TEXT: dict[str, tuple[str, str, Guidance]] = {
    _STRATEGY: (
        "Strategy",
        "Customer relationships are built into corporate strategy rather than treated as a "
        "service afterthought.",
        Guidance(
            why=(
                "When relationships sit outside the strategy, they lose budget and attention "
                "the first time priorities compete. Embedding them in it gives them an owner, "
                "a plan and a clear picture of the value they should create."
            ),
            good_answer=(
                "Points to a documented relationship-management strategy with an executive "
                "owner, an implementation plan with milestones, and a maturity curve of the "
                "value expected for both the company and its customers."
            ),
            example=(
                "The plan's three-year strategy makes relationship management one of four "
                "pillars, led by the chief experience officer. Its implementation plan moves "
                "dual-eligible members from the interact to the engage stage by year two."
            ),
        ),
    ),
    _CULTURE: (
        "Culture",
        "Every employee and stakeholder treats customer relationships as part of their own job.",
        Guidance(
            why=(
                "Relationships are delivered by claims processors, nurses, schedulers and "
                "partners, not only by the customer-experience team. A culture that rewards "
                "the relationship keeps standards steady when no executive is watching."
            ),
            good_answer=(
                "Shows relationship goals in executive scorecards shared by the CX, sales and "
                "channel leaders, puts one company-wide relationship measure among the annual "
                "company performance measures, and points to a dashboard the senior team has "
                "signed off."
            ),
            example=(
                "Every vice president at the hospital system carries the same likelihood-to-"
                "recommend target in their incentive plan. The monthly relationship dashboard "
                "is the first item on the executive meeting agenda, ahead of finance."
            ),
        ),
    ),
    _BRAND: (
        "Brand",
        "The relationships customers actually experience deliver on the promise the brand makes.",
        Guidance(
            why=(
                "A brand promise that daily experience contradicts erodes trust faster than "
                "having no promise at all. Measuring alignment keeps marketing claims and "
                "everyday service telling the same story."
            ),
            good_answer=(
                "Until leadership agrees on indicators, records the brand promise, the "
                "relationship behaviors that would prove it, and the owner and date of the "
                "leadership conversation that will set the measures."
            ),
            example=(
                "Our brand promises care that knows you, so we will check whether members are "
                "greeted with their history at every contact. The indicators are pending the "
                "March leadership offsite, owned by the chief marketing officer."
            ),
        ),
    ),
    _PEOPLE: (
        "People",
        "Clear roles exist to lead the continuous improvement of customer relationships.",
        Guidance(
            why=(
                "Improvement stalls when everyone is responsible and no one is accountable. "
                "Defined roles make sure someone turns feedback and measures into change, "
                "cycle after cycle."
            ),
            good_answer=(
                "Until leadership names indicators, lists the roles that own relationship "
                "improvement, their decision rights, and how their contribution will be "
                "judged once measures are set."
            ),
            example=(
                "Our digital-health company appoints a relationship lead for each customer "
                "segment, reporting to the chief operating officer. Indicators for these "
                "roles are pending a leadership workshop in the second quarter."
            ),
        ),
    ),
    _PROCESS: (
        "Process",
        "The relationship process is understood across the company and used day to day, with "
        "feedback flowing back from providers and customers.",
        Guidance(
            why=(
                "A relationship process on paper changes nothing if teams do not follow it. "
                "Feedback loops from providers and from customers show whether the process "
                "works and where it breaks."
            ),
            good_answer=(
                "Describes the loops that bring provider and customer feedback into the "
                "process, how quickly each issue reaches an owner, and how the resulting "
                "changes are confirmed with the people who raised them."
            ),
            example=(
                "Network physicians raise prior-authorization problems at a monthly provider "
                "council. Each issue is logged and assigned, and the council hears within "
                "30 days whether it was fixed."
            ),
        ),
    ),
    _FINANCIAL: (
        "Financial",
        "Customer relationships measurably improve financial performance through revenue "
        "gained and cost avoided.",
        Guidance(
            why=(
                "Relationship programs that report only call volumes and closed cases are the "
                "first to be cut. Tying them to revenue and to the cost of serving and "
                "satisfying customers shows leadership what they earn."
            ),
            good_answer=(
                "Quantifies the cost to serve, the cost to satisfy a customer in each channel, "
                "and cost to serve as a share of total revenue, each with a baseline and a "
                "target, and agrees with leadership how revenue attributable to relationships "
                "is counted."
            ),
            example=(
                "Answering a claims question costs us $0.40 in chat, $7 by phone and $22 in "
                "person. Moving a fifth of those calls to chat would save about $1.1 million "
                "a year while renewal revenue holds steady."
            ),
        ),
    ),
    _CUSTOMER: (
        "Customer",
        "Relationships improve how customers act and feel at every point in their lifecycle "
        "with the company.",
        Guidance(
            why=(
                "Customer indicators show whether the relationship design works from the "
                "customer's side: whether people join, stay, understand you, find you easy to "
                "deal with and recommend you. Read together, they point to the lifecycle stage "
                "where the relationship is failing."
            ),
            good_answer=(
                "Picks a few indicators from each of the four groups, each with a baseline, a "
                "target and the segment it applies to, rather than tracking everything at "
                "once."
            ),
            example=(
                "For Medicaid members we track effort scores after every service call, the "
                "share who correctly explain their benefits letter in a follow-up survey, and "
                "the rate of annual redeterminations completed on time."
            ),
        ),
    ),
}


def _indicators(domain_id: str) -> tuple[Indicator, ...]:
    """Build a domain's indicators in INDICATOR_IDS order."""
    return ordered(
        (
            Indicator(
                id=indicator_id,
                name=name,
                domain=domain_id,
                group=_GROUP_OF.get(indicator_id) if domain_id == _CUSTOMER else None,
                tracks=tracks,
                description=description,
                pending_leadership=indicator_id in PENDING_LEADERSHIP_INDICATORS,
            )
            for indicator_id, name, tracks, description in _INDICATOR_TEXT[domain_id]
        ),
        INDICATOR_IDS[domain_id],
        key=lambda i: i.id,
    )


def _domain(domain_id: str) -> Domain:
    """Build a domain; it is pending leadership when the method names no indicator for it."""
    name, summary, guidance = _DOMAIN_TEXT[domain_id]
    indicators = _indicators(domain_id)
    return Domain(
        id=domain_id,
        number=DOMAIN_IDS.index(domain_id) + 1,
        name=name,
        summary=summary,
        indicators=indicators,
        pending_leadership=not indicators,
        guidance=guidance,
    )


#: The seven domains, in method order.
DOMAINS: tuple[Domain, ...] = tuple(_domain(d) for d in DOMAIN_IDS)

#: Every indicator by id, across domains, in domain then catalog order.
INDICATORS: dict[str, Indicator] = {i.id: i for d in DOMAINS for i in d.indicators}

"""The eight Customer Relationships questions, with coaching for each."""

from __future__ import annotations

from .entities import Guidance, Question, ordered
from .vocab import QUESTION_IDS

(
    _DIMENSIONS,
    _EXPECTATIONS,
    _COST,
    _MARKETING,
    _SHARING,
    _FEEDBACK,
    _INFLUENCERS,
    _GROWTH,
) = QUESTION_IDS


def _question(
    id: str, title: str, text: str, guidance: Guidance, *, per_segment: bool = False
) -> Question:
    """Build a question, numbering it by its place in QUESTION_IDS."""
    return Question(
        id=id,
        number=QUESTION_IDS.index(id) + 1,
        title=title,
        text=text,
        per_segment=per_segment,
        guidance=guidance,
    )


#: The eight questions, in method order.
QUESTIONS: tuple[Question, ...] = ordered(
    (
        _question(
            _DIMENSIONS,
            "Relationship dimensions",
            "Which of the seven relationship dimensions does this business model draw on, and "
            "how heavily?",
            Guidance(
                why=(
                    "The seven dimensions are the building blocks of every healthcare "
                    "relationship, and each model mixes them differently for each segment. "
                    "Naming the ones you rely on, and how heavily, turns a vague promise of "
                    "great service into design choices you can staff, fund and measure."
                ),
                good_answer=(
                    "Names each dimension in use for each segment, marks it as core or "
                    "supporting, and states the channel and message customers prefer for it. "
                    "Dimensions that are left out are left out on purpose, with a reason."
                ),
                example=(
                    "For our Medicare Advantage members, navigation and coordination are core: "
                    "a care guide books annual wellness visits and arranges rides. Motivation "
                    "supports them through a rewards card for completed screenings, and "
                    "connection is planned for next year."
                ),
            ),
        ),
        _question(
            _EXPECTATIONS,
            "Segment expectations",
            "What sort of relationship does this segment want you to build and maintain with it?",
            Guidance(
                why=(
                    "Buyers and users seldom want the same relationship: an employer wants "
                    "reporting and predictable cost, while its employees want fast answers at "
                    "the moment of need. Designing for the wrong expectation spends money on "
                    "service nobody values and leaves gaps where it matters."
                ),
                good_answer=(
                    "Describes the relationship the segment expects (self-service, a dedicated "
                    "person, a community, automated help, or a mix), how often it wants "
                    "contact, and through which channels. It rests on research or data, not "
                    "on assumption."
                ),
                example=(
                    "Self-insured employers with 500 to 5,000 lives expect a named account "
                    "manager, a quarterly utilization review and a single escalation number. "
                    "Their employees expect to settle most benefit questions in the app in "
                    "under five minutes."
                ),
            ),
            per_segment=True,
        ),
        _question(
            _COST,
            "Relationship cost",
            "What does it cost to run each of your relationship models?",
            Guidance(
                why=(
                    "Every relationship model carries a running cost in staff, technology, "
                    "content and partner fees, and high-touch models can quietly erase a "
                    "segment's margin. Knowing the cost of each model lets leadership decide "
                    "where personal service pays back and where automation should take over."
                ),
                good_answer=(
                    "Estimates the annual or per-member-per-month cost of each relationship "
                    "model, broken down by its main drivers, and sets it against the revenue "
                    "or savings that model produces."
                ),
                example=(
                    "Our nurse-led chronic-care program costs about $14 per enrolled member per "
                    "month, mostly nurse time, while app-only support runs under $1. The nurse "
                    "program pays back for members with two or more chronic conditions because "
                    "it cuts avoidable admissions."
                ),
            ),
        ),
        _question(
            _MARKETING,
            "Marketing the value proposition",
            "How will you bring your value proposition to the attention of consumers?",
            Guidance(
                why=(
                    "A value proposition that consumers never hear about, or do not "
                    "understand, creates no relationship at all. In healthcare, marketing must "
                    "also respect regulation, uneven health literacy and the fact that the "
                    "buyer and the user are often different people."
                ),
                good_answer=(
                    "Names the message, the channels and the moments in the customer's year "
                    "(open enrollment, a new diagnosis, a move) for each segment, in plain "
                    "language. It says how reach and conversion will be measured."
                ),
                example=(
                    "During the Medicare Annual Enrollment Period we will hold seminars at "
                    "community centers and send bilingual mailers, all pointing to one "
                    "plan-comparison page. Success is counted as callback requests per "
                    "thousand households reached."
                ),
            ),
        ),
        _question(
            _SHARING,
            "Sharing good experiences",
            "When consumers have a positive experience, how will they pass it on to friends, "
            "family and coworkers?",
            Guidance(
                why=(
                    "A recommendation from a friend, coworker or fellow patient carries more "
                    "weight than any campaign and costs almost nothing. Planning for it turns "
                    "satisfied customers into a growth channel instead of leaving word of "
                    "mouth to chance."
                ),
                good_answer=(
                    "Pinpoints the moments when customers are most pleased, gives them an easy "
                    "way to pass the experience on, and explains how referrals are tracked and "
                    "acknowledged within privacy and marketing rules."
                ),
                example=(
                    "Right after a successful first telehealth visit, the app invites the "
                    "patient to send a coworker a link that skips the waiting list. Referrals "
                    "are counted per employer client and reported in the quarterly account "
                    "review."
                ),
            ),
        ),
        _question(
            _FEEDBACK,
            "Consumer feedback",
            "How will you gather what consumers tell you, and what will you do with it?",
            Guidance(
                why=(
                    "Feedback is how a company learns whether the relationship it designed is "
                    "the one customers actually live. Asking without acting is worse than not "
                    "asking, because customers notice when nothing changes."
                ),
                good_answer=(
                    "Lists the sources (surveys, complaints, call notes, app reviews, provider "
                    "input), who owns each one and how often it is reviewed. It explains how "
                    "changes are made and reported back, for providers as well as members."
                ),
                example=(
                    "Every closed service case triggers a two-question text survey, and a "
                    "weekly huddle reviews the lowest scores with the call-center and claims "
                    "leads. Resulting fixes appear in a 'You asked, we changed' column of the "
                    "member newsletter."
                ),
            ),
        ),
        _question(
            _INFLUENCERS,
            "Key influencers",
            "Who has the most sway over this segment's decisions, and how will you partner with "
            "them?",
            Guidance(
                why=(
                    "Healthcare decisions are rarely made alone: a physician, an adult "
                    "daughter, a benefits broker or an HR leader often shapes what a segment "
                    "chooses. Working with the right influencer opens doors that direct "
                    "marketing cannot."
                ),
                good_answer=(
                    "Names the single strongest influencer of the segment, explains why that "
                    "person carries weight, and describes a concrete partnership that gives "
                    "them something of value in return."
                ),
                example=(
                    "For members living with early-stage dementia, the strongest influencer is "
                    "the family caregiver. We will offer caregivers proxy access to the portal "
                    "and a monthly check-in call with the care team."
                ),
            ),
            per_segment=True,
        ),
        _question(
            _GROWTH,
            "Get, keep and grow",
            "How will you win customers, hold on to them and deepen the relationship over time?",
            Guidance(
                why=(
                    "A relationship that is not growing is usually eroding: members switch "
                    "plans, patients change health systems and app users stop opening the app. "
                    "Treating acquisition, retention and expansion as one plan keeps the model "
                    "focused on lifetime value rather than one-off sales."
                ),
                good_answer=(
                    "Sets out separate tactics and targets for getting, keeping and growing "
                    "customers, each tied to a measure such as conversion, retention or "
                    "referral rate. It shows how the relationship moves along the value chain "
                    "over time."
                ),
                example=(
                    "We will win employer groups through broker partnerships, keep them with a "
                    "95 percent renewal target backed by quarterly outcome reports, and grow "
                    "them by adding behavioral-health and musculoskeletal programs in year two."
                ),
            ),
        ),
    ),
    QUESTION_IDS,
    key=lambda q: q.id,
)

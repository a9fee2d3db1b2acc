"""The seven dimensions of healthcare customer relationships, with coaching for each."""

from __future__ import annotations

from .entities import Dimension, Guidance, ordered
from .vocab import DIMENSION_IDS

(
    _INFORMATION,
    _NAVIGATION,
    _COORDINATION,
    _CONNECTION,
    _TRANSITION,
    _MOTIVATION,
    _MONETIZATION,
) = DIMENSION_IDS


def _dimension(
    id: str,
    name: str,
    summary: str,
    examples: tuple[str, ...],
    guidance: Guidance,
    own_examples: tuple[str, ...] = (),
) -> Dimension:
    """Build a dimension, numbering it by its place in DIMENSION_IDS.

    ``examples`` are the method's; ``own_examples`` are modelh's, shown after them.
    """
    return Dimension(
        id=id,
        number=DIMENSION_IDS.index(id) + 1,
        name=name,
        summary=summary,
        examples=examples + own_examples,
        guidance=guidance,
        own_examples=own_examples,
    )


#: What to settle for every dimension a model uses: (name, one-sentence prompt).
DIMENSION_CONSIDERATIONS: tuple[tuple[str, str], ...] = (
    ("Preferred channel", "The channel each segment would choose for this dimension."),
    ("Preferred message", "What the segment needs to hear, in the words that reach it."),
    ("Emotional support", "The reassurance and empathy customers usually need along the way."),
    ("Physical comfort", "The practical ease of access, place and setting the customer needs."),
    ("Tracking", "How progress and completeness are measured for the dimension."),
)

#: The seven dimensions, in method order.
DIMENSIONS: tuple[Dimension, ...] = ordered(
    (
        _dimension(
            _INFORMATION,
            "Information",
            "Content that helps customers with their jobs-to-be-done and makes the value "
            "proposition plain to see.",
            (
                "articles",
                "questions and answers",
                "search",
                "videos",
                "plain-language benefit explanations",
            ),
            Guidance(
                why=(
                    "Customers who cannot find or understand information call, complain or "
                    "give up, and each of those costs money or trust. Good content also lets "
                    "customers notice benefits they already pay for but would otherwise "
                    "overlook."
                ),
                good_answer=(
                    "Names the questions each segment most needs answered, the formats and "
                    "reading level that suit it, and where the content lives in each channel. "
                    "It says how use and comprehension of the content will be tracked."
                ),
                example=(
                    "Our digital diabetes program publishes two-minute videos on reading "
                    "glucose trends and a searchable library of carb-counting guides in "
                    "English and Spanish. We track views per member and whether callers keep "
                    "asking the same questions."
                ),
            ),
        ),
        _dimension(
            _NAVIGATION,
            "Navigation",
            "Guiding people toward new and better choices and behaviors, so that they solve "
            "their jobs-to-be-done.",
            (
                "personalized action plans",
                "expert suggestions on the customer's jobs-to-be-done",
            ),
            Guidance(
                why=(
                    "Healthcare is hard to find your way through, and wrong turns such as an "
                    "ER visit for a minor problem or an out-of-network specialist cost both "
                    "the customer and the payer. Navigation is where a company can change "
                    "choices, and choices are where much healthcare value is won or lost."
                ),
                good_answer=(
                    "Describes which decisions the company will help each segment make, how "
                    "recommendations are personalized, and whether people, tools or both "
                    "deliver them. It links navigation to a cost or health outcome."
                ),
                example=(
                    "When a member searches for knee pain, our plan's app suggests a physical "
                    "therapist with strong outcome ratings before an orthopedic surgeon. A "
                    "nurse navigator calls members booked for elective surgery to review "
                    "their options."
                ),
            ),
            own_examples=("finding the right in-network doctor", "care-gap reminders"),
        ),
        _dimension(
            _COORDINATION,
            "Coordination",
            "Simplifying the logistics of the customer's jobs-to-be-done, in a way that "
            "strengthens the value proposition.",
            (
                "health to-dos",
                "appointment scheduling",
                "personal health records",
                "monitoring and alerts",
                "streamlined support to service providers",
            ),
            Guidance(
                why=(
                    "Much of the frustration in healthcare comes from logistics: repeated "
                    "forms, missed referrals and lost records. Taking that work off customers "
                    "saves them time, reduces errors and builds the trust that later "
                    "value-chain stages depend on."
                ),
                good_answer=(
                    "Lists the logistics tasks the company will take over for each segment, "
                    "the systems and partners needed to do them, and how hand-offs between "
                    "parties will stay seamless."
                ),
                example=(
                    "Before a patient leaves the hospital, our system books the follow-up "
                    "visit, sends the discharge summary to the primary care physician within "
                    "24 hours and schedules two weeks of medication text reminders."
                ),
            ),
        ),
        _dimension(
            _CONNECTION,
            "Connection",
            "Linking customers with other people and complementary services that make your "
            "own offer stronger.",
            (
                "peer support communities",
                "links with caregivers",
                "partner services",
            ),
            Guidance(
                why=(
                    "Health is social: people sustain changes when peers, family or other "
                    "services back them up. Connections to others also make a company's offer "
                    "more valuable and harder to replace."
                ),
                good_answer=(
                    "Names the people or partner solutions each segment should be connected "
                    "with, how the link is made and moderated, and what each side gains "
                    "from it."
                ),
                example=(
                    "Our postpartum app matches new mothers with a moderated group of parents "
                    "due the same month and refers them to a partner lactation consultant. "
                    "Group members renew their subscription at a higher rate than others."
                ),
            ),
            own_examples=("local community resources",),
        ),
        _dimension(
            _TRANSITION,
            "Transition",
            "Keeping the relationship going across channels, key partners and key suppliers "
            "over time, as the customer's job-to-be-done carries on.",
            (
                "moving between channels",
                "a partner taking over part of the service",
            ),
            Guidance(
                why=(
                    "Transitions are the moments when customers are most easily lost, whether "
                    "they change plans, go home from the hospital or switch from the app to "
                    "the phone. Handling them well protects retention and prevents gaps in "
                    "care."
                ),
                good_answer=(
                    "Identifies the transitions each segment goes through, the information "
                    "and context that must travel with the customer, and who owns the "
                    "relationship during the hand-over."
                ),
                example=(
                    "Employees turning 65 hear from us six months ahead with a clear "
                    "explanation of their Medicare options. Those who choose our Medicare "
                    "Advantage plan keep the same care team and the same app login."
                ),
            ),
            own_examples=("plan changes", "care transitions", "aging into Medicare"),
        ),
        _dimension(
            _MOTIVATION,
            "Motivation",
            "Creating healthier behaviors and sustaining them over time.",
            (
                "points for reaching goals",
                "rewards funded by employers, plans or family",
                "marketplace redemption or charity donation",
                "rewards for advocates",
            ),
            Guidance(
                why=(
                    "Many health outcomes depend on what people do between visits, and lasting "
                    "behavior change rarely happens without encouragement. Rewards from "
                    "several sources, such as employers, plans and family, keep people going "
                    "after the first enthusiasm fades."
                ),
                good_answer=(
                    "Specifies the behaviors to encourage, the rewards and who funds them, how "
                    "rewards can be used, and how the effect on behavior and outcomes will be "
                    "measured. It also recognizes customers who champion the program."
                ),
                example=(
                    "Employees earn points for a biometric screening and for logging 150 "
                    "active minutes a week, funded jointly by the employer and the plan. "
                    "Points can be spent in an online store or donated to a local food bank."
                ),
            ),
        ),
        _dimension(
            _MONETIZATION,
            "Monetization",
            "Knowing what customers value and what they experience, and how both the value "
            "proposition and the relationship earn money.",
            ("how the relationship itself is paid for",),
            Guidance(
                why=(
                    "A relationship the company cannot afford will not last, and one it cannot "
                    "price will not get funded. Making the link between relationship and "
                    "revenue explicit lets the company invest where customers pay for value "
                    "and pull back where they do not."
                ),
                good_answer=(
                    "States what each segment values enough to pay for, who pays (buyer or "
                    "user), and how revenue depends on engagement, outcomes or retention. It "
                    "ties back to the Revenue Streams block of the canvas."
                ),
                example=(
                    "Our virtual physical therapy service bills employers per participant only "
                    "after a member completes three sessions, so revenue rises with "
                    "engagement. A premium tier with live coaching is sold directly to "
                    "members."
                ),
            ),
            own_examples=(
                "revenue tied to engagement",
                "value-based contracts",
                "paid premium tiers",
            ),
        ),
    ),
    DIMENSION_IDS,
    key=lambda d: d.id,
)

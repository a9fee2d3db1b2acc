"""The five stages of the customer value chain and the Trust Inflection Point.

Both come from Digital Strategy Yoga; modelh uses them beside modelH (see ``sources``).
"""

from __future__ import annotations

from .entities import Guidance, Stage, ordered, trust_position
from .vocab import STAGE_IDS

_COMMUNICATE, _INTERACT, _ENGAGE, _COLLABORATE, _INNOVATE = STAGE_IDS


def _stage(id: str, name: str, duties: str, guidance: Guidance) -> Stage:
    """Build a stage, numbering it and placing it against the Trust Inflection Point."""
    return Stage(
        id=id,
        number=STAGE_IDS.index(id) + 1,
        name=name,
        duties=duties,
        trust=trust_position(id),
        guidance=guidance,
    )


#: The Trust Inflection Point, explained for consultants and report readers.
TRUST_INFLECTION_POINT = (
    "The Trust Inflection Point is the moment, during the engage stage, when customers stop "
    "testing the company and start relying on it. Before it, trust is earned through honest "
    "communication and by learning each customer's preferences; past it, in collaborate and "
    "innovate, customers generate value for the company and digital tools start to earn back "
    "their cost. Rushing customers toward it backfires, because those pushed to engage too "
    "early grow wary and slide back."
)

#: What the value chain teaches beyond each stage's duties: (title, text).
TRUST_INFLECTION_NOTES: tuple[tuple[str, str], ...] = (
    (
        "The sign",
        "Customers past the point ask the company for recommendations instead of dictating "
        "their choices to it.",
    ),
    (
        "Past the point",
        "Loyalty and reward programs, like digital tools, start to bear results only past the "
        "point; a company whose customers ignore its digital tools has usually not moved them "
        "past it.",
    ),
    (
        "Skipping stages",
        "Trying to engage customers before communicating with them and interacting with them "
        "makes them distrust the company and slide back down the chain.",
    ),
    (
        "Preferences",
        "Preferences are captured during every interaction, so that from engage on the company "
        "already recognizes them and never asks again.",
    ),
)

#: The five stages, in value-chain order.
STAGES: tuple[Stage, ...] = ordered(
    (
        _stage(
            _COMMUNICATE,
            "Communicate",
            "Keep customers informed on a steady rhythm, be candid about what the offer "
            "includes and excludes, and welcome new customers with a walk-through of the "
            "digital tools available to them.",
            Guidance(
                why=(
                    "Trust starts with honesty about coverage and cost, because surprises such "
                    "as a denied claim or an unexpected bill break it early. Good onboarding "
                    "also sets up every later stage, since customers who never learn the tools "
                    "cannot use them to interact."
                ),
                good_answer=(
                    "Describes the communication calendar, how covered and non-covered "
                    "services are explained in plain language, and the onboarding steps that "
                    "get a new customer using the digital tools in their first weeks."
                ),
                example=(
                    "New members get a welcome call within 10 days, a one-page summary of what "
                    "is and is not covered, and a guided app setup that ends with booking "
                    "their first primary care visit."
                ),
            ),
        ),
        _stage(
            _INTERACT,
            "Interact",
            "Watch which channels each customer favors and how they use them, and record their "
            "preferences, such as language, travel distance and convenient appointment times, "
            "at every contact.",
            Guidance(
                why=(
                    "Every contact is a chance to learn what a customer prefers, and those "
                    "preferences are the raw material of later personalization. A company that "
                    "does not capture them now will have nothing to recognize customers by at "
                    "the next stage."
                ),
                good_answer=(
                    "Lists the preferences captured at each touchpoint, where they are stored "
                    "so every channel can see them, and how each customer's channel use is "
                    "tracked."
                ),
                example=(
                    "Schedulers across our clinic network record each patient's language, "
                    "longest acceptable drive and favored appointment slot in a shared "
                    "profile. The app logs whether the patient books online or by phone."
                ),
            ),
        ),
        _stage(
            _ENGAGE,
            "Engage",
            "Recognize each customer along with their preferences and history, never ask "
            "again for something they already told you, and personalize messages, reminders, "
            "scheduling and chronic-condition support.",
            Guidance(
                why=(
                    "This is where trust tips: customers decide whether the company truly "
                    "knows them. Being asked the same question twice or getting a generic "
                    "message tells them it does not, and sends them back to earlier stages."
                ),
                good_answer=(
                    "Shows how every channel recognizes the customer and their past "
                    "interactions, which communications are personalized, and how the company "
                    "avoids asking for information already on file."
                ),
                example=(
                    "When a member with heart failure calls, the representative already sees "
                    "last week's refill and the weight readings from the app. The agent "
                    "confirms the Spanish-language reminder schedule instead of asking for it "
                    "again."
                ),
            ),
        ),
        _stage(
            _COLLABORATE,
            "Collaborate",
            "Make health decisions jointly with the customer, hold service levels high, use "
            "predictive intelligence to anticipate needs, and prepare for and follow up on "
            "every encounter.",
            Guidance(
                why=(
                    "Once beyond the Trust Inflection Point, customers start creating value with "
                    "the company by sharing data and decisions, and they ask it for "
                    "recommendations. This is when digital investments and reward programs begin "
                    "to pay back, but only if service stays consistently strong."
                ),
                good_answer=(
                    "Describes how decisions are shared, which service levels are guaranteed, "
                    "which predictive signals trigger early action, and how encounters are "
                    "prepared and followed up."
                ),
                example=(
                    "Before each oncology visit, the patient and care team review treatment "
                    "options together in the app. A risk model flags patients likely to miss "
                    "an infusion, and a nurse calls them two days ahead."
                ),
            ),
        ),
        _stage(
            _INNOVATE,
            "Innovate",
            "Invite customers to bring new ideas, test new products with them in pilots, and "
            "let their reviews create value for the company and for other customers.",
            Guidance(
                why=(
                    "Customers who trust the company become a source of product ideas and of "
                    "credible reviews. Innovating with them lowers the risk of new offers and "
                    "deepens their sense of ownership."
                ),
                good_answer=(
                    "Names the forums where customers propose ideas, how participants are "
                    "chosen for pilots, and how their reviews and results feed product "
                    "decisions and marketing."
                ),
                example=(
                    "A panel of 40 family caregivers co-designs a medication-tracking feature "
                    "and pilots it for eight weeks. Their published reviews feature in the app "
                    "store listing at launch."
                ),
            ),
        ),
    ),
    STAGE_IDS,
    key=lambda s: s.id,
)

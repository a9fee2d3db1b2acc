"""Coaching for every step of the interview that is not a question, a dimension, a
measurement domain or a stage: the segments, value propositions, channels, the
details of a dimension, the measures' fields and the other canvas blocks.

``COACHING`` maps a topic (``"segment.jobs"``, ``"dimension.emotional_support"``)
to its guidance; one topic is one record, shared by every step about it.
"""

from __future__ import annotations

from types import MappingProxyType

from .entities import Guidance

_COACHING: dict[str, Guidance] = {
    # -- whose model, and the customer segments
    "canvas.kind": Guidance(
        why=(
            "Whose model this is changes how its segments read: a health plan's members are a "
            "provider's patients. This field is modelh's own, not the method's; the checks "
            "that need it stay quiet without it."
        ),
        good_answer=(
            "The kind of organization whose business model the canvas describes, or other when "
            "none of the three fits."
        ),
        example=(
            "A Medicaid managed-care plan is a health-plan; a hospital system is a provider; a "
            "virtual diabetes program sold to employers is digital-health."
        ),
    ),
    "segment.add": Guidance(
        why=(
            "The method starts with the customers: know each segment and what it values before "
            "designing offers or relationships. Every healthcare model has buyers, who pay, and "
            "users, who receive the care or service."
        ),
        good_answer=(
            "At least one buyer and one user segment, each a group that expects a different "
            "relationship; name them here, describe them next."
        ),
        example=(
            "A Medicaid plan: adult members in managed care (users), their family caregivers "
            "(users) and the state Medicaid agency (buyer)."
        ),
    ),
    "item.id": Guidance(
        why=(
            "Ids tie the canvas together: dimensions, value propositions and measures name "
            "segments and channels by id. An id stays the same when the name changes, so "
            "choose one that will last."
        ),
        good_answer=(
            "Short, made of lowercase letters, digits and hyphens, and unique in the canvas; "
            "the one made from the name is usually right."
        ),
        example=(
            "adult-members for Adult Medicaid members, state-agency for the State Medicaid "
            "agency, care-line for the Nurse care line."
        ),
    ),
    "segment.name": Guidance(
        why=(
            "The name is how the segment appears in every answer, chart and report page. "
            "Executives who never open the file should recognize the group at a glance."
        ),
        good_answer=(
            "A plain name for the group, precise enough to tell it from the other segments "
            "(who, and where or which plan when that matters)."
        ),
        example=(
            "Adult Medicaid members; Family caregivers of members with dementia; Self-insured "
            "employers with 500 to 5,000 lives."
        ),
    ),
    "segment.role": Guidance(
        why=(
            "Buyers and users rarely want the same relationship: the buyer judges cost and "
            "reporting, the user judges access and ease. Keeping them apart lets the canvas "
            "design a relationship for each."
        ),
        good_answer=(
            "buyer when the segment pays or decides to buy, user when it receives the care or "
            "service, both when it does both."
        ),
        example=(
            "Employer groups are buyers; plan members 65+ are users; individual-market members "
            "who pay their own premium are both."
        ),
    ),
    "segment.kind": Guidance(
        why=(
            "The sort of customer tells a payer's members from a provider's patients, or from "
            "the providers in a network. This field is modelh's own, not the method's; it lets "
            "the checks and the report read the segment correctly."
        ),
        good_answer=(
            "The closest sort of customer in the list, or other when none fits; a segment of "
            "mixed sorts is usually two segments."
        ),
        example=(
            "Adult Medicaid members: member. Network primary-care practices: provider. The "
            "state agency that contracts the plan: government."
        ),
    ),
    "segment.description": Guidance(
        why=(
            "The method asks to account for each customer by their presence in the healthcare "
            "ecosystem: who they are today. Everything designed later is judged against this "
            "picture."
        ),
        good_answer=(
            "Who is in the segment and who is not, how many they are, and what sets them apart "
            "(age, conditions, coverage, language, place)."
        ),
        example=(
            "About 48,000 adults enrolled through Medicaid expansion in three counties; a third "
            "live with two or more chronic conditions and a quarter prefer Spanish."
        ),
    ),
    "segment.jobs": Guidance(
        why=(
            "Customers come to the model to get something done in their health or their "
            "business. Navigation and coordination above all are judged by how well they help "
            "customers get these jobs done."
        ),
        good_answer=(
            "The few jobs the model serves for this segment, each in the customer's own words "
            "and written as a goal rather than a product."
        ),
        example=(
            "Keep my diabetes under control without a visit every week; get my child's "
            "prescriptions refilled without missing a shift."
        ),
    ),
    "segment.trajectory": Guidance(
        why=(
            "Segments move: members age into Medicare, contracts shift to value-based payment, "
            "people lose coverage at redetermination. The method asks where each customer is "
            "heading, so the model is built for where they will be."
        ),
        good_answer=(
            "The movement that matters over the next plan years, with a figure where there is "
            "one, and what it means for the relationship."
        ),
        example=(
            "One in five will go through redetermination this year, and many will cycle off "
            "coverage and back on within twelve months."
        ),
    ),
    "segment.destination": Guidance(
        why=(
            "Naming where the model means the customer to end up gives the relationship a "
            "direction and a test. Every dimension the model uses should move them toward it."
        ),
        good_answer=(
            "A state the customer reaches, described in their terms, that the model can help "
            "with and can observe."
        ),
        example=(
            "Keeping continuous coverage and managing their own care plan, with the care guide "
            "as a coach they call before the emergency room."
        ),
    ),
    "segment.stage": Guidance(
        why=(
            "Customers move through five stages: communicate, interact, engage, collaborate, "
            "innovate. Trust tips during engage (the Trust Inflection Point); past it customers "
            "create value for the company and digital tools start to pay back."
        ),
        good_answer=(
            "The stage the segment has really reached, judged by what the company does for it "
            "today (each choice names that stage's work), not by what is planned."
        ),
        example=(
            "Medicare Advantage members are at interact: we watch which channels they use and "
            "record their language and appointment times, but do not yet use them."
        ),
    ),
    "segment.target_stage": Guidance(
        why=(
            "Customers move through the value chain in order. Trying to engage customers the "
            "company has not yet communicated and interacted with makes them distrust it and "
            "slide back."
        ),
        good_answer=(
            "A stage ahead of today that the plan can reach, with the work of every stage in "
            "between planned (preferences captured before engage)."
        ),
        example=(
            "Interact today; engage by the next plan year, once language and appointment "
            "preferences are recorded at every call and never asked again."
        ),
    ),
    "segment.preferences": Guidance(
        why=(
            "Capturing preferences at every interaction is the interact stage's work. From "
            "engage on, the company must already know them and never ask again what the "
            "customer has answered."
        ),
        good_answer=(
            "The preferences the company records and honors for this segment, one per item, "
            "each something a system can store and staff can act on."
        ),
        example=(
            "Preferred language; distance from home; appointment times; the channel for "
            "reminders; who may speak for the member."
        ),
    ),
    # -- value propositions
    "value_proposition.add": Guidance(
        why=(
            "After the segments come the offers built for them. A value proposition states what "
            "the model gives a segment; the relationships and channels exist to deliver it and "
            "make it visible."
        ),
        good_answer=(
            "One proposition for each distinct offer, named for what the customer gets, each "
            "built for named segments; every segment has at least one."
        ),
        example=(
            "Guided care for chronic conditions (members and caregivers); predictable cost with "
            "quarterly outcome reports (the state agency)."
        ),
    ),
    "value_proposition.name": Guidance(
        why=(
            "The name is what the room and the report call the offer. A name that says what the "
            "customer gets keeps the discussion on value rather than on the product's features."
        ),
        good_answer=(
            "A short phrase naming what the customer gets, not the internal program name or "
            "the department that runs it."
        ),
        example=(
            "Guided care for chronic conditions; one number for every benefit question; rides "
            "to every covered visit."
        ),
    ),
    "value_proposition.segments": Guidance(
        why=(
            "A proposition is built for particular customers. A segment with no proposition is "
            "served by nothing, and an offer made for nobody in particular rarely lands."
        ),
        good_answer=(
            "The segments this offer is made for; a buyer and a user may share one, each "
            "valuing it for its own reasons."
        ),
        example=(
            "Guided care for chronic conditions: adult members and family caregivers; the state "
            "agency values the same offer for its lower cost."
        ),
    ),
    "value_proposition.description": Guidance(
        why=(
            "Executives read the description in the report, often without the workshop behind "
            "it. It must say what the customer gets and why that beats what they have today."
        ),
        good_answer=(
            "What the customer gets, the job it helps with, and what makes it better than the "
            "alternative, in two or three sentences."
        ),
        example=(
            "A named care guide and a shared care plan for members with two or more chronic "
            "conditions, reachable by phone or text the same day."
        ),
    ),
    # -- channels
    "channel.add": Guidance(
        why=(
            "Channels are how the model reaches its segments. Each relationship dimension later "
            "names the channels customers prefer for it, picked from this list."
        ),
        good_answer=(
            "Each channel the model really runs, with its kind: digital or staffed, owned or "
            "run by a partner; a channel planned but not open yet can wait."
        ),
        example=(
            "Member app (digital); care line (phone); community health workers (in-person); "
            "appointment reminders (sms); the pharmacy chain's counter (partner)."
        ),
    ),
    "channel.name": Guidance(
        why=(
            "Dimensions, touches and measures refer to a channel by name in the report. The "
            "name should be the one customers and staff already use for it."
        ),
        good_answer=(
            "The channel as customers know it, specific enough to tell it from the other "
            "channels of the same kind."
        ),
        example=(
            "Member app; nurse care line; text reminders; community health workers; the "
            "partner pharmacy counter."
        ),
    ),
    "channel.kind": Guidance(
        why=(
            "The kind tells digital channels from staffed ones. Cost to satisfy is measured by "
            "channel, and a journey whose touches are mostly digital counts as digital-first."
        ),
        good_answer=(
            "The kind that fits best from the list: digital, email, chat and sms count as "
            "digital; partner when another organization runs it for you."
        ),
        example=(
            "The member app is digital, the nurse line is phone, and the pharmacy counter at a "
            "partner chain is partner."
        ),
    ),
    "channel.description": Guidance(
        why=(
            "A line on what the channel does and for whom helps the room agree on it. It also "
            "tells the reader of the report what sits behind the name."
        ),
        good_answer=(
            "What customers do there, who runs it, and when it is open, with the languages it "
            "serves when that matters."
        ),
        example=(
            "Spanish and English care line staffed by nurses from 7am to 9pm, with a call back "
            "the same day for every message left."
        ),
    ),
    # -- the details of a relationship dimension
    "dimension.reason": Guidance(
        why=(
            "A dimension left out on purpose is a design decision. Without a reason it reads as "
            "forgotten, and the next workshop argues about it again."
        ),
        good_answer=(
            "Why this dimension does not serve these customers today, or who provides it "
            "instead of the model."
        ),
        example=(
            "Connection is not used: members rely on their clinic's peer groups, and the plan "
            "refers them there rather than running its own."
        ),
    ),
    "dimension.approach": Guidance(
        why=(
            "The degree says how much the model relies on a dimension; the approach says what "
            "the model actually does in it. That is what gets staffed, funded and measured."
        ),
        good_answer=(
            "What the model does in this dimension, for which segments, in one or two "
            "sentences a new team member could act on."
        ),
        example=(
            "Care guides build a personal action plan with each member after the first health "
            "assessment and review it at every call."
        ),
    ),
    "dimension.channels": Guidance(
        why=(
            "For each dimension the model uses, customers have a preferred channel. Reaching "
            "them anywhere else costs more and lands less."
        ),
        good_answer=(
            "The channels these customers would choose for this dimension, picked from the "
            "canvas's list; a channel missing from it can be added on the spot."
        ),
        example=(
            "Navigation for members: the care line for the first plan, then the action plan in "
            "the member app for every follow-up."
        ),
    ),
    "dimension.message": Guidance(
        why=(
            "Customers also have a preferred message for each dimension: what they need to "
            "hear, in words that reach them. The wrong words make the right offer sound like "
            "a sales pitch."
        ),
        good_answer=(
            "The message in the customer's words, with the tone and reading level it needs, "
            "and what it asks them to do."
        ),
        example=(
            "Your care guide will call you this week to plan your next steps together; you "
            "choose the time and the language."
        ),
    ),
    "dimension.emotional_support": Guidance(
        why=(
            "Each dimension usually needs some emotional support: health decisions come with "
            "fear, confusion or fatigue. A relationship that ignores them loses trust, however "
            "efficient it is."
        ),
        good_answer=(
            "The reassurance customers need at this point of the relationship, and who or what "
            "gives it to them."
        ),
        example=(
            "After a difficult diagnosis the same care guide calls, listens before explaining, "
            "and stays the member's contact for the whole year."
        ),
    ),
    "dimension.physical_comfort": Guidance(
        why=(
            "Each dimension usually needs some physical comfort too: how easy it is to get "
            "there, to wait and to be seen. It often decides whether people show up at all."
        ),
        good_answer=(
            "What makes access easy in body and place: distance, transport, waiting, "
            "accessibility, and care that comes to the customer."
        ),
        example=(
            "Rides booked together with the visit, evening hours at clinics near bus lines, and "
            "home visits for members who cannot travel."
        ),
    ),
    "dimension.incentives": Guidance(
        why=(
            "Motivation creates and sustains behavior change. Rewards work when it is clear who "
            "gives them, for what, and what the customer can do with them."
        ),
        good_answer=(
            "Who rewards what, and how the reward can be used, one incentive per item; rewards "
            "for advocates count too."
        ),
        example=(
            "Plan points for completed screenings, spendable in the member store or donated; "
            "an employer premium credit for a completed health assessment."
        ),
    ),
    "dimension.measures": Guidance(
        why=(
            "Each dimension the model uses should be tracked and measured for progress and "
            "completeness. One that nobody measures drifts, and nobody notices."
        ),
        good_answer=(
            "One or more measures that show the dimension working for its segments; a measure "
            "missing from the canvas can be created on the spot."
        ),
        example=(
            "Navigation: the share of members with a personal action plan, and the days from a "
            "referral to the first visit."
        ),
    ),
    "dimension.owner": Guidance(
        why=(
            "A dimension without an owner has nobody to hold its standards across the value "
            "propositions and channels. Ownership is also where its budget is argued."
        ),
        good_answer=(
            "The team or role accountable for the dimension across every channel, named as the "
            "organization chart names it."
        ),
        example=(
            "Care management owns navigation and coordination; member services owns "
            "information; the rewards team owns motivation."
        ),
    ),
    # -- measures
    "measure.add": Guidance(
        why=(
            "Designing relationships should yield metrics for revenue, cost and health "
            "outcomes. Measurement must go well past call volumes and issues resolved."
        ),
        good_answer=(
            "Measures across the seven domains, each with a baseline, a target and a due date, "
            "including revenue, cost and at least one health outcome."
        ),
        example=(
            "Member NPS in the customer domain, cost to serve per member per month in the "
            "financial domain, and HbA1c control as a health outcome."
        ),
    ),
    "measure.name": Guidance(
        why=(
            "The name is how the measure appears on the report's scorecard. Executives should "
            "know what is counted without reading the definition."
        ),
        good_answer=(
            "What is counted and for whom, short enough for a scorecard line, with the segment "
            "or channel when the measure is about one."
        ),
        example=(
            "Net promoter score, adult members; cost to satisfy, care line; share of members "
            "with a personal action plan."
        ),
    ),
    "measure.domain": Guidance(
        why=(
            "Success shows in seven domains, from strategy and culture to financial results and "
            "the customer. A canvas that measures only the customer domain misses whether the "
            "relationship pays."
        ),
        good_answer=(
            "The domain the measure speaks to; brand and people have no named indicators yet "
            "and are agreed with leadership."
        ),
        example=(
            "Cost to serve is financial; a feedback loop from providers is process; NPS and "
            "complaints are customer."
        ),
    ),
    "measure.indicator": Guidance(
        why=(
            "The method names indicators in most domains; using one keeps canvases comparable "
            "across clients and years. An indicator of the firm's own is fine when none fits."
        ),
        good_answer=(
            "The catalog's indicator that the measure counts, or other when it counts something "
            "the catalog does not name."
        ),
        example=(
            "Member NPS is nps; cost to satisfy by channel for the care line is "
            "cost-to-satisfy-by-channel; HbA1c control is other, tracking health."
        ),
    ),
    "measure.tracks": Guidance(
        why=(
            "The method asks for metrics of revenue, of cost and of health outcomes. Saying "
            "what a measure tracks shows which of them the canvas has, and which it lacks."
        ),
        good_answer=(
            "revenue, cost, health for a clinical outcome, experience for how customers find "
            "the relationship, or operations for the work behind it."
        ),
        example=(
            "Cost to serve tracks cost; HbA1c control tracks health even when it feeds a "
            "quality score; NPS tracks experience."
        ),
    ),
    "measure.figures": Guidance(
        why=(
            "A measure is read against where it started and where it should go. Without a unit "
            "and a direction, a change of five points says nothing about better or worse."
        ),
        good_answer=(
            "The unit as the report should print it, which way is better, the baseline when "
            "tracking started, the target, and the latest value."
        ),
        example=(
            "NPS in points, higher is better: baseline 18, target 35, current 24 after the "
            "second quarter."
        ),
    ),
    "measure.due": Guidance(
        why=(
            "A target without a date is a wish. The due date tells the room when the measure "
            "will be judged, and the report orders the scorecard by it."
        ),
        good_answer=(
            "A year, a month, a quarter or a day, written 2027, 2027-12, 2027-Q4 or 2027-12-31, "
            "usually the end of a plan year."
        ),
        example=(
            "2027-Q4 for the member NPS target, the end of the plan year; 2027-06 for the first "
            "care-line cost review."
        ),
    ),
    "measure.owner": Guidance(
        why=(
            "A measure is moved by people, not by the report. Naming who answers for it puts "
            "the number on someone's agenda every quarter."
        ),
        good_answer=(
            "The team or role that answers for the measure and reports its current value each "
            "quarter."
        ),
        example=(
            "The CX office owns NPS; finance owns cost to serve; the quality team owns HbA1c "
            "control and its Stars rating."
        ),
    ),
    # -- the other blocks of the canvas
    "block.revenue_streams": Guidance(
        why=(
            "How the model earns money. The monetization dimension asks how the relationship "
            "itself is paid for, not only the product, and relationship measures should "
            "include revenue."
        ),
        good_answer=(
            "Each stream with who pays and how: premiums, capitation, fees, shared savings or "
            "subscriptions; one stream per item."
        ),
        example=(
            "Capitation from the state per member per month; quality incentive payments; "
            "shared savings with the accountable care organization."
        ),
    ),
    "block.cost_structure": Guidance(
        why=(
            "Every relationship model has a running cost. The answer about relationship cost "
            "and the cost-to-serve measures are read against this block."
        ),
        good_answer=(
            "The largest costs of the model, grouped by what drives them, one cost per item, "
            "with the relationship costs apart."
        ),
        example=(
            "Medical claims; care guides and nurses; the member app and its CRM platform; "
            "broker commissions; printing and mailing."
        ),
    ),
    "block.key_activities": Guidance(
        why=(
            "Key Activities, the method's block 11, are what the organization must do well for "
            "the model to work. Running the relationships designed here is one of them."
        ),
        good_answer=(
            "The few activities that make or break the model, each starting with a verb, one "
            "per item."
        ),
        example=(
            "Enroll members and keep them through redetermination; run care management; "
            "contract and pay providers; capture member preferences."
        ),
    ),
    "block.key_resources": Guidance(
        why=(
            "Key Resources, block 12, are what the activities need. The method asks for key "
            "resources organized to deliver the relationship standards, on a platform that "
            "automates and synchronizes them."
        ),
        good_answer=(
            "The people, data, systems and assets the model depends on, one per item, with the "
            "systems behind the front line included."
        ),
        example=(
            "The care-guide team; the claims and care-management platforms; member data with "
            "preferences; the provider network."
        ),
    ),
    "block.key_partners": Guidance(
        why=(
            "Key Partners, block 13, do part of the work. As a customer's job goes on, the "
            "relationship passes across partners and suppliers, and the transition dimension "
            "keeps it whole."
        ),
        good_answer=(
            "The partners that matter to the model and what each one does in it, one partner "
            "per item."
        ),
        example=(
            "Community health clinics for primary care; a ride service for transport; the "
            "state enrollment broker; a pharmacy chain."
        ),
    ),
}

#: Each value-chain stage's work in a few words, for a list of choices.
STAGE_WORK = MappingProxyType(
    {
        "communicate": "inform regularly and honestly; onboard to the digital tools",
        "interact": "watch each channel's use; capture preferences every time",
        "engage": "recognize them and their preferences; personalize",
        "collaborate": "decide on their health together; predict and follow up",
        "innovate": "they bring ideas; pilot new products with them",
    }
)

#: Guidance by topic for the interview's steps beyond the questions, dimensions,
#: domains and stages (which carry their own).
COACHING = MappingProxyType(_COACHING)

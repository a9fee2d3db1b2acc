"""Coaching for every step of the interview that is not a question, a dimension, a
measurement domain or a stage: the segments, value propositions, channels, the
details of a dimension, the measures' fields, the journeys and their touches (the
journey map, modelH's first CX project), bone-deep CX in each office (West
Monroe) and the systems behind the smiles, and the other canvas blocks.

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
    "measure.segments": Guidance(
        why=(
            "Many customer indicators are read segment by segment: a satisfaction score that "
            "mixes members and employers hides both. Saying whom a measure measures lets the "
            "report and the checks read it against the right segment."
        ),
        good_answer=(
            "The segments the measure counts; none chosen means every segment, which suits "
            "company-wide measures better than customer ones."
        ),
        example=(
            "Member NPS measures Medicare Advantage members only; cost to serve per member per "
            "month measures members; retention measures employer groups."
        ),
    ),
    "measure.channel": Guidance(
        why=(
            "Cost to satisfy is measured channel by channel, since an email, a chat, a call and "
            "a visit cost very different amounts to resolve. The channel tells the report which "
            "row of that comparison this measure is."
        ),
        good_answer=(
            "The channel this measure counts, picked from the canvas's channels; one measure per "
            "channel makes the comparison."
        ),
        example=(
            "Cost to satisfy a claim-status question on the care line; the same question on the "
            "member app, as a second measure."
        ),
    ),
    "measure.headline": Guidance(
        why=(
            "The executive summary shows the few measures leadership should watch, five at "
            "most. Choosing them decides what the model is judged by, so it belongs in the "
            "workshop rather than in the report's layout."
        ),
        good_answer=(
            "Up to five active measures that together cover revenue, cost, health outcomes and "
            "the customer's experience; a sixth is refused."
        ),
        example=(
            "Relationship revenue, cost to serve per member per month, member NPS and HbA1c "
            "control for members with diabetes, as four headlines."
        ),
    ),
    # -- the journey map (modelH's first CX project) and its touches
    "journey.add": Guidance(
        why=(
            "modelH recommends a customer journey map as the first customer-experience project: "
            "the journey a customer takes with the organization over time and across every "
            "touch point. For a health plan the inventory covers the journeys of members and "
            "of providers."
        ),
        good_answer=(
            "Start minimal: one journey that matters to customers and to cost, mapped end to "
            "end, then the next; a health plan maps at least one member journey and one "
            "provider journey."
        ),
        example=(
            "Home after a hospital stay for Medicare Advantage members; getting a prior "
            "authorization for network practices; becoming a parent's proxy for caregivers."
        ),
    ),
    "journey.name": Guidance(
        why=(
            "The name is how the journey appears on the report's journey map and in the "
            "priority list. Executives should recognize the moment in the customer's life it "
            "describes."
        ),
        good_answer=(
            "The customer's situation seen from their side, short enough for a map title, "
            "rather than the name of the process or department that handles it."
        ),
        example=(
            "Home after a hospital stay, rather than discharge follow-up workflow; getting a "
            "prior authorization, rather than UM intake."
        ),
    ),
    "journey.segment": Guidance(
        why=(
            "A journey belongs to one segment: its jobs-to-be-done, expectations and preferred "
            "channels shape every touch. Mapping one segment's journey keeps the touches about "
            "real people rather than an average customer."
        ),
        good_answer=(
            "The segment whose people take this journey; when two segments take it differently, "
            "such as members and their caregivers, map two journeys."
        ),
        example=(
            "Home after a hospital stay is the members' journey; the same discharge seen by the "
            "practice that follows up is a provider journey."
        ),
    ),
    "journey.job": Guidance(
        why=(
            "The journey map is where processes, the customer's jobs-to-be-done, measures and "
            "expectations meet. Naming the job keeps each touch judged by whether it helps the "
            "customer get it done."
        ),
        good_answer=(
            "One of the segment's jobs-to-be-done, in the customer's words, that the journey "
            "serves from its first touch to its last."
        ),
        example=(
            "Get home from the hospital and stay home; get prior authorizations decided without "
            "phone tag; book visits for a parent after work."
        ),
    ),
    "journey.time": Guidance(
        why=(
            "Satisfaction follows ease of use more than a rich feature list (McKinsey research, "
            "as modelH reports it), so cutting journey time comes before adding features. "
            "Journey time is how long one journey takes the customer, from the first touch to "
            "the job done."
        ),
        good_answer=(
            "A number, a space and a unit (minutes, hours, days or weeks): the time when work on "
            "the journey started, the time today, and the time aimed for."
        ),
        example=(
            "Home after a hospital stay: 9 days at the baseline, 6 days today, 3 days as the "
            "target; a prior authorization: from 6 days down to 1 day."
        ),
    ),
    "journey.due": Guidance(
        why=(
            "A target time without a date is a wish. The due date says when the journey will be "
            "judged against its target, usually a quarter or a plan year away."
        ),
        good_answer=(
            "A year, a month, a quarter or a day, written 2027, 2027-06, 2027-Q2 or 2027-06-30, "
            "soon enough to act on what the journey map shows."
        ),
        example=(
            "2027-06 for cutting the journey home after a hospital stay to 3 days; 2027-Q3 for "
            "prior authorizations decided within a day."
        ),
    ),
    "journey.owner": Guidance(
        why=(
            "The method asks to assign responsibility for every journey and to keep the work "
            "agile. A journey crosses departments, so without one owner each touch is improved "
            "alone and the journey takes as long as before."
        ),
        good_answer=(
            "The team or role that answers for the journey from first touch to last, with the "
            "standing to change touches that other departments run."
        ),
        example=(
            "Care management owns home after a hospital stay; utilization management owns prior "
            "authorizations; the member experience office owns proxy access."
        ),
    ),
    "touch.add": Guidance(
        why=(
            "The touch inventory lists every place the customer meets the organization on the "
            "journey, in the order they meet them. Prioritizing starts from this list: what "
            "hurts, what costs, what is digital."
        ),
        good_answer=(
            "Each touch in the order the customer meets it, from the first contact to the job "
            "done, including the letters and the waits that nobody owns."
        ),
        example=(
            "Discharge call from the care guide, then the follow-up visit booked with a ride, "
            "then refill reminders by text, then the explanation of benefits by mail."
        ),
    ),
    "touch.name": Guidance(
        why=(
            "A touch is named as the customer meets it, so that the map reads as their "
            "experience rather than an organization chart. The report places the name on the "
            "journey map, in order, with its pain."
        ),
        good_answer=(
            "What happens to the customer at this point, in a few words, with the channel or "
            "the person involved when that tells touches apart."
        ),
        example=(
            "Care guide calls within 48 hours of discharge; proxy consent form printed, signed "
            "and mailed back; decision posted in the provider portal."
        ),
    ),
    "touch.channel": Guidance(
        why=(
            "The channel makes a touch digital or manual: digital, email, chat and sms count as "
            "digital. Digital journeys are easier to fix, and journeys that are mostly digital "
            "score higher with customers."
        ),
        good_answer=(
            "The channel from the canvas that the customer uses at this touch; a channel missing "
            "from the canvas can be added on the spot with +."
        ),
        example=(
            "The proxy form comes through plan mail (manual); the first login happens in the "
            "member app (digital); an authorization request goes through the provider line."
        ),
    ),
    "touch.office": Guidance(
        why=(
            "Experience is made in every office, not only where customers are served. Knowing "
            "which office carries a touch shows where the CX capabilities must reach for that "
            "touch to improve."
        ),
        good_answer=(
            "front when customer-facing staff or tools carry it, middle for care management and "
            "clinical work, back for claims, billing, enrollment and compliance."
        ),
        example=(
            "The welcome call is front office; the clinical review of an authorization is middle "
            "office; the claim paid against it is back office."
        ),
    ),
    "touch.dimension": Guidance(
        why=(
            "Each touch serves one of the seven relationship dimensions more than the others. "
            "Naming it ties the journey map to the dimensions, their owners and their measures."
        ),
        good_answer=(
            "The dimension the touch mostly works for: information, navigation, coordination, "
            "connection, transition, motivation or monetization."
        ),
        example=(
            "A follow-up visit booked with a ride is coordination; the discharge call handing "
            "the member back to the plan is transition; the explanation of benefits is "
            "information."
        ),
    ),
    "touch.pain": Guidance(
        why=(
            "Work on the journey map starts with the touches that move the needle for "
            "customers. Pain says how much this touch hurts the customer today; the high, "
            "medium and low scale is modelh's own."
        ),
        good_answer=(
            "high when customers complain, give up or call again, medium when it takes effort "
            "but gets done, low when they hardly notice it; judged from complaints and surveys."
        ),
        example=(
            "A paper proxy form that takes ten days is high; a first app login that needs a "
            "password reset is medium; an explanation of benefits that arrives is low."
        ),
    ),
    "touch.cost": Guidance(
        why=(
            "The needle moves for cost as well as for customers: a touch that is expensive to "
            "run is worth fixing even when customers mind it less. This scale is modelh's own "
            "too."
        ),
        good_answer=(
            "What the touch costs the company each time today, compared with the journey's "
            "other touches: staff time, calls, paper, partners' fees."
        ),
        example=(
            "A nurse reviewing every authorization by phone is high; a care guide's call is "
            "medium; a text reminder sent automatically is low."
        ),
    ),
    "touch.time": Guidance(
        why=(
            "Journey time adds up the customer's time at each touch and waiting for the next. "
            "The touches that take most of it are where cutting journey time can come from."
        ),
        good_answer=(
            "The customer's time spent at or waiting for this touch, as a number and a unit: "
            "minutes, hours, days or weeks."
        ),
        example=(
            "2 days waiting for the discharge call; 10 days for the proxy form to come back; 4 "
            "hours for a decision posted in the portal."
        ),
    ),
    # -- bone-deep CX (West Monroe): each capability in each office
    "cx.front": Guidance(
        why=(
            "West Monroe's bone-deep CX holds that four capabilities (strategy and design, "
            "information management, insights, delivery) must reach every office. The front "
            "office needs customer data and a strategy per segment, dialogue across channels "
            "with clear escalations, and an engagement architecture behind them."
        ),
        good_answer=(
            "absent, partial or established for this capability where customers are served; "
            "the scale is modelh's own, and partial means some teams or channels have it."
        ),
        example=(
            "CX delivery is established in the front office when every channel follows the "
            "designed experience; insights are partial when only the app's data is analyzed."
        ),
    ),
    "cx.middle": Guidance(
        why=(
            "In the middle office care management works as behavior change: the right message "
            "on the right channel at the right time, tailored by population, activating people "
            "rather than adding touches. Engagement capabilities are often focused on the front "
            "office and missing here."
        ),
        good_answer=(
            "How far this capability reaches care management, utilization review and clinical "
            "programs, with data integrated across pharmacy, clinical and payer sources."
        ),
        example=(
            "Information management is absent in the middle office when care managers cannot "
            "see what members told customer service; partial when they see it a day later."
        ),
    ),
    "cx.back": Guidance(
        why=(
            "The back office decides cost, flexibility and automated compliance with "
            "regulations and service levels, and agrees with sales, marketing, network and care "
            "management on what is sold versus what can be serviced. A promise the back office "
            "cannot keep becomes a pain at a front-office touch."
        ),
        good_answer=(
            "How far this capability reaches claims, billing, enrollment, compliance and IT, "
            "judged by whether their work follows the designed experience."
        ),
        example=(
            "CX strategy and design is absent in the back office when claims rules are set "
            "without the member journey in view, and established when the claims team designs "
            "with it."
        ),
    ),
    # -- the systems behind the smiles
    "system.add": Guidance(
        why=(
            "Between 40 and 60 percent of customer dissatisfaction comes from the systems "
            "front-line staff rely on, not from the staff (Haimberger, after Customers for "
            "Life). Listing the systems behind the smiles shows where the experience is decided."
        ),
        good_answer=(
            "The systems of record behind members and providers, each with its office; for a "
            "health plan they include care management, claims, recruiting, member services and "
            "compliance."
        ),
        example=(
            "Care management platform (middle office); claims platform (back office); member "
            "services CRM (front office); prior-authorization intake queue (middle office)."
        ),
    ),
    "system.name": Guidance(
        why=(
            "The name is how the system appears on the report's bone-deep CX page, beside the "
            "capabilities. Staff should recognize it as the tool they use every day."
        ),
        good_answer=(
            "The name the staff use for the system, with what it does when the product name "
            "alone does not say it."
        ),
        example=(
            "Claims platform; care management platform; member services CRM; the "
            "prior-authorization intake queue, fed by fax and phone."
        ),
    ),
    "system.kind": Guidance(
        why=(
            "For a payer the systems of record behind members and providers include care "
            "management, claims, recruiting, member services and compliance. The kind groups "
            "systems so that a missing one shows."
        ),
        good_answer=(
            "The kind from the list closest to what the system does, or other when none fits; a "
            "system doing two jobs takes its main one."
        ),
        example=(
            "The claims platform is claims; the member services CRM is member-services; the "
            "provider credentialing tool is recruiting; an analytics warehouse is data."
        ),
    ),
    "system.office": Guidance(
        why=(
            "A system sits in the office whose work it runs, and the experience it shapes "
            "reaches customers through that office's touches. The office places it on the "
            "bone-deep CX grid beside that office's capabilities."
        ),
        good_answer=(
            "front for tools that customers and customer-facing staff use, middle for care and "
            "clinical work, back for claims, billing, enrollment and compliance."
        ),
        example=(
            "The member services CRM is front office; the care management platform is middle "
            "office; the claims platform is back office."
        ),
    ),
    "system.serves": Guidance(
        why=(
            "A system's flaws show up in the relationship dimensions that depend on it. Naming "
            "them links the systems behind the smiles to the dimensions whose experience they "
            "decide."
        ),
        good_answer=(
            "The dimensions whose experience depends on this system working well, picked from "
            "the seven; usually one to three."
        ),
        example=(
            "The care management platform serves navigation, coordination and transition; the "
            "claims platform serves coordination and monetization."
        ),
    ),
    "system.data_governance": Guidance(
        why=(
            "Data governance and quality assurance across the systems of record are part of "
            "the experience: a wrong address or a lost preference reaches the customer. The "
            "absent, partial and established scale is modelh's own."
        ),
        good_answer=(
            "established when the system's data has owners, agreed definitions and regular "
            "quality checks; partial when some of it does; absent when none of it does."
        ),
        example=(
            "The claims platform is established, audited every quarter; the member CRM is "
            "partial, with preferences typed as free text; a fax intake queue is absent."
        ),
    ),
    "system.pain": Guidance(
        why=(
            "However well trained the front line, the systems it relies on decide the "
            "experience. Rating each system's pain shows which to fix first, on modelh's high, "
            "medium and low scale."
        ),
        good_answer=(
            "How much dissatisfaction the system causes today, for customers and for the staff "
            "serving them, judged from complaints, rework and workarounds."
        ),
        example=(
            "A fax intake queue that loses requests is high; a CRM that needs three screens to "
            "find a member is medium; a claims platform that rarely errs is low."
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

#!/usr/bin/python3
"""Write the structural scenarios for the exemptions of the bundled regimes.

Each exemption gets the scenarios its kind needs (`candour rules check` notes P213 for any without):

- a prejudice-based exemption: one engaged scenario (harm, causal chain, the regime's highest or
  lowest threshold, specific evidence, and for a qualified one factors under which maintaining
  the exemption wins) and one without a causal chain, which is not engaged;
- a class-based exemption (and reasonable-opinion, necessity): one with class facts, engaged,
  and one without, not engaged;
- an absolute exemption: engaged with strong factors for disclosure, which are not weighed;
- a neither-confirm-nor-deny provision (one named by another provision's `ncnd`): a refusal to
  confirm or deny, with a notice that does not confirm the information is held;
- a provision with a historical-record limit: a record created long enough ago that the limit
  has passed, so the exemption cannot apply.

The facts of each scenario are written out below, provision by provision: the structure is
generated, the facts are not. The rules themselves (status, test, thresholds, purposes, default
factors, limits) are read from the rule files, so a change to a rule shows up in the scenarios.
The provisions most often relied on have hand-written scenarios in their own files, which this
script does not touch.

Usage: /usr/bin/python3 rules/tools/make_scenarios.py [RULES_DIR]
Standard library and Debian's python3-yaml only. The output is committed; rerun after editing
the facts below and review the diff.
"""

import os
import re
import sys

import yaml

RULES = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))

REGIMES = {
    "uk-foia-2000": {"dir": "uk/foia-2000", "received": "2024-02-05"},
    "uk-eir-2004": {"dir": "uk/eir-2004", "received": "2024-04-08"},
    "scot-foisa-2002": {"dir": "scotland/foisa-2002", "received": "2024-05-13"},
    "au-foi-1982": {"dir": "au/foi-1982", "received": "2024-06-03"},
}

# A notice that meets every requirement and does not reveal whether the information is held.
NCND_NOTICE = {
    "states_exemption": True,
    "specifies_subsection": True,
    "explains_engagement": True,
    "gives_pit_reasons": True,
    "internal_review": "stated",
    "states_complaint_right": True,
    "confirms_held": False,
}


def F(id, description, weight):
    """A factor written out in the scenario (no default factor of the provision fits)."""
    return {"id": id, "description": description, "weight": weight}


# ---------------------------------------------------------------------------------------------
# The facts, provision by provision. Keys:
#   topic      what the scenario name says the information is
#   wording    the request
#   item       the item's requester-safe description
#   secret     the withheld content (kept out of every other field)
#   harm, causal, evidence   for prejudice tests (evidence is graded specific)
#   likelihood the threshold named; default: the regime's highest
#   purposes   for provisions that list purposes
#   class_facts for class, reasonable-opinion and necessity tests
#   maintain, disclose  factors: ids of the provision's default factors, or F(...) entries;
#              default: every default factor of the provision on that side
#   created    for the historical-record scenario: the year the record was created
#   assumption an assumption recorded in the historical-record scenario
#   ncnd_item  for neither-confirm-nor-deny provisions: the item, described without saying
#              whether it exists
#   not_held   the item is not held (EIR reg 12(4)(a))
# ---------------------------------------------------------------------------------------------

FOIA = {
    # s.22A research
    "s.22A(1)(b)(i)": dict(
        topic="interim results of a continuing water quality study",
        wording="Please send the results so far of the university's estuary water quality study.",
        item="Interim results tables from the continuing estuary water quality study",
        secret="Placeholder Creek readings",
        harm="Publishing unchecked interim results would undermine the study and the peer-reviewed report it is working towards.",
        causal="Interim figures released now would be cited as findings before validation, and the journal the team has submitted to does not publish results already in circulation.",
        evidence="The journal's written policy on prior publication, and the study lead's statement on the validation still to be done.",
        maintain=["research-inherent", F("integrity", "protecting the integrity of a publicly funded study due to report next year", "significant")],
    ),
    "s.22A(1)(b)(ii)": dict(
        topic="interview transcripts from a continuing study of care leavers",
        wording="Please send the interview transcripts collected so far for the care leavers study.",
        item="Interview transcripts from the continuing study of young people leaving care",
        secret="Placeholder Close children's home",
        harm="Participants took part on the promise that their accounts would appear only in anonymised published form; early release would expose them to being identified.",
        causal="The transcripts mention places and events that people in a small community could link to individual participants.",
        evidence="The participant information sheet and consent forms, and the ethics committee's approval conditions.",
        likelihood="would-be-likely-to",
        maintain=["research-inherent", F("participants", "protecting participants who took part on a promise of anonymity", "strong")],
    ),
    "s.22A(1)(b)(iii)": dict(
        topic="a university's unpublished soil carbon dataset",
        wording="Please send the soil carbon dataset from the university's continuing research.",
        item="Draft dataset from the university's continuing soil carbon research",
        secret="Placeholder Moor plots",
        harm="The university would lose the chance to publish its own analysis first, and the research funding that rests on it.",
        causal="Rival groups could publish analyses of the released dataset before the university's report, as the funder's terms make first publication a condition of further grants.",
        evidence="The funder's grant conditions on first publication.",
        maintain=["research-inherent", F("return", "the return on public money already spent on the programme", "significant")],
    ),
    "s.22A(1)(b)(iv)": dict(
        topic="raw survey returns for a report another authority will publish",
        wording="Please send the survey returns you hold for the national household energy survey.",
        item="Household energy survey returns held by the university for the survey report the statistics office will publish",
        secret="Placeholder region return rate",
        harm="The statistics office that is to publish the report would be pre-empted, and its announced release undermined.",
        causal="The raw returns would let others publish headline figures before the official report, which the statistics office has pre-announced for a fixed date.",
        evidence="The statistics office's published release calendar and its data-sharing agreement with the university.",
        maintain=["research-inherent", F("orderly-release", "an orderly, quality-assured release of official statistics", "significant")],
    ),
    "s.22A(2)": dict(
        topic="whether a continuing study covers a named ward",
        wording="Does the council hold any results from a study of health in Placeholder Ward?",
        ncnd_item="Any results of research into health in the ward named in the request",
        harm="Confirming whether results are held would reveal whether a continuing study covers that ward, before the report is published.",
        causal="The ward is small; confirming that a study is running there would let residents and others identify the households taking part.",
        evidence="The study protocol, which recruits in fewer than ten streets.",
        maintain=[F("participants", "protecting people taking part in continuing research", "strong")],
        disclose=[F("transparency", "transparency about research the council funds", "moderate")],
    ),
    # s.26 defence
    "s.26(1)(a)": dict(
        topic="the locations of gaps in coastal radar cover",
        wording="Please send the latest review of radar cover along the east coast.",
        item="Review of coastal radar cover: the sections on gaps in cover",
        secret="Placeholder Ness gap",
        harm="Revealing where radar cover is weak would help a hostile state plan incursions into UK airspace.",
        causal="The review names the stretches of coast where low-flying aircraft would not be detected, which an adversary would otherwise have to find by probing.",
        evidence="A defence intelligence assessment of recent probing flights near the coast.",
    ),
    "s.26(1)(b)": dict(
        topic="the readiness figures of an armoured regiment",
        wording="Please send the current readiness figures for the armoured regiments.",
        item="Readiness figures for each armoured regiment, by equipment type",
        secret="Placeholder Dragoons at 40 per cent",
        harm="Publishing the figures would reveal which units could not deploy at short notice, weakening the capability of the forces.",
        causal="An adversary reading the figures would know which units are not ready and could time or target action accordingly.",
        evidence="The readiness reports themselves, which show equipment shortfalls unit by unit.",
        likelihood="would-be-likely-to",
    ),
    "s.26(3)": dict(
        topic="submarine operations in a named sea area",
        wording="Have submarines operated in Placeholder Sound in the last year?",
        ncnd_item="Any records of submarine operations in the sea area named in the request",
        harm="Confirming or denying whether records are held would reveal where submarines do and do not operate.",
        causal="Answers to requests about different areas, taken together, would let an adversary map submarine deployments.",
        evidence="The department's record of a series of similar requests covering neighbouring areas.",
        maintain=[F("assist-adversaries", "not helping a potential adversary map the deployment of the armed forces", "strong")],
        disclose=[F("transparency", "informed public debate about the use of the armed forces", "moderate")],
    ),
    # s.28 relations within the UK
    "s.28(1)": dict(
        topic="correspondence with a devolved administration during a funding negotiation",
        wording="Please send your correspondence with the devolved administration about the shared fisheries fund.",
        item="Letters between the department and a devolved administration about the allocation of a shared fisheries fund",
        secret="fallback allocation of 12 per cent",
        harm="Releasing the frank exchanges in the middle of the negotiation would damage trust between the two administrations.",
        causal="The letters set out each side's fallback position; published now, they would harden positions and make future exchanges guarded.",
        evidence="A letter from the devolved administration objecting to release and describing the negotiation still under way.",
        created=1990,
    ),
    "s.28(3)": dict(
        topic="whether a devolved administration objected to a rail scheme",
        wording="Has a devolved administration objected to the Placeholder Rail scheme?",
        ncnd_item="Any correspondence from a devolved administration objecting to the rail scheme named in the request",
        harm="Confirming or denying would reveal the state of confidential discussions between the administrations.",
        causal="Either answer tells the public whether a devolved government has formally opposed the scheme, which it has not chosen to make public.",
        evidence="The devolved administration's request that discussions on the scheme stay confidential.",
        maintain=[F("trust", "the trust between administrations that lets them discuss shared projects frankly", "significant")],
        disclose=[F("transparency", "transparency in how the UK's governments work together", "moderate")],
    ),
    # s.29 the economy
    "s.29(1)(a)": dict(
        topic="contingency analysis of a regional bank's failure",
        wording="Please send any analysis you have done of the risk of a regional bank failing.",
        item="Contingency analysis of the failure of a regional bank",
        secret="Placeholder Building Society",
        harm="Publishing the analysis would itself risk a loss of confidence in the bank and instability in the wider market.",
        causal="Depositors and markets reading that the government had modelled the bank's failure would withdraw funds, bringing about the failure modelled.",
        evidence="The central bank's advice on the likely market reaction to publication.",
    ),
    "s.29(1)(b)": dict(
        topic="the reserve price for a sale of surplus offices",
        wording="Please send the reserve price set for the sale of the department's surplus offices.",
        item="The reserve price for the sale of the department's surplus office estate",
        secret="GBP 41 million",
        harm="Bidders who knew the reserve price would bid no higher than it, reducing the proceeds to the Exchequer.",
        causal="The sale is a sealed-bid tender still open; the reserve tells each bidder the lowest offer the department will accept.",
        evidence="The agent's report on bids received in comparable sales where the reserve was known.",
    ),
    "s.29(2)": dict(
        topic="whether the Treasury has modelled a named lender's collapse",
        wording="Has the Treasury modelled the collapse of Placeholder Building Society?",
        ncnd_item="Any modelling of the failure of the lender named in the request",
        harm="Confirming that such modelling exists would signal official concern about the lender.",
        causal="A confirmation would be reported as a sign that the lender is at risk and could prompt withdrawals.",
        evidence="The central bank's advice on the reaction to similar statements in the past.",
        maintain=[F("stability", "protecting financial stability and the public finances", "strong")],
        disclose=[F("transparency", "informed public debate about economic policy", "moderate")],
    ),
    # s.30 investigations and proceedings
    "s.30(1)": dict(
        topic="witness statements from an arson investigation",
        wording="Please send the witness statements taken about the fire at the Placeholder Road warehouse.",
        item="Witness statements taken during the investigation into the warehouse fire",
        secret="statement of Witness Placeholder",
        class_facts=["The statements were taken by the force for its investigation into whether the fire was arson, an investigation it has a duty to conduct."],
        maintain=[F("investigation", "protecting the investigative process and the willingness of witnesses to come forward", "strong")],
        disclose=[F("accountability", "accountability for how the police investigated the fire", "moderate")],
        created=2001,
    ),
    "s.30(2)": dict(
        topic="an informant's report of illegal waste dumping",
        wording="Please send the information you received about waste dumping at Placeholder Farm.",
        item="The record of information received about illegal waste dumping",
        secret="caller from Placeholder Lane",
        class_facts=[
            "The record was made for the agency's investigation of waste offences.",
            "It records what an informant told officers on the promise that the informant would not be identified.",
        ],
        maintain=[F("sources", "protecting confidential sources, on whom the investigation of waste crime depends", "strong")],
        disclose=[F("accountability", "accountability for how the agency deals with reports of waste crime", "moderate")],
    ),
    "s.30(3)": dict(
        topic="whether a named company is under criminal investigation",
        wording="Are the police investigating Placeholder Ltd for fraud?",
        ncnd_item="Any information about a criminal investigation of the company named in the request",
        class_facts=["Any such information would be held for a criminal investigation into whether the company's directors should be charged."],
        maintain=[F("investigation", "not alerting the subject of any investigation, and not implying guilt where none exists", "strong")],
        disclose=[F("accountability", "accountability for how fraud is policed", "moderate")],
    ),
    # s.31 law enforcement (s.31(1)(a), (g) and (3) are in the hand-written s31.yaml)
    "s.31(1)(b)": dict(
        topic="the addresses where warrants will be executed",
        wording="Please send the list of addresses where the force will execute drugs warrants next month.",
        item="Addresses at which drugs warrants are to be executed next month",
        secret="14 Placeholder Gardens",
        harm="Suspects forewarned of the warrants would flee or destroy evidence, so offenders would not be arrested or prosecuted.",
        causal="The list names each address and the week of the planned entry.",
        evidence="Past operations in which suspects who learned of a warrant moved drugs before officers arrived.",
        maintain=[F("offenders", "bringing offenders to justice", "strong")],
        disclose=[F("transparency", "transparency about policing operations", "moderate")],
    ),
    "s.31(1)(c)": dict(
        topic="the juror protection plan for a forthcoming trial",
        wording="Please send the arrangements for protecting jurors at the forthcoming gang trial.",
        item="The juror protection arrangements for a forthcoming trial",
        secret="Placeholder Street side entrance",
        harm="Publicising the arrangements would expose jurors to approaches and intimidation, undermining the trial.",
        causal="The plan sets out the routes and times jurors will use to reach court.",
        evidence="The police assessment of intimidation attempts in an earlier trial of the same group.",
        maintain=[F("justice", "the fair and safe administration of justice", "very-strong")],
        disclose=[F("transparency", "transparency about how the courts protect jurors", "moderate")],
    ),
    "s.31(1)(d)": dict(
        topic="the thresholds used to select tax returns for enquiry",
        wording="Please send the turnover thresholds used to select self-assessment returns for enquiry.",
        item="The risk thresholds used to select self-assessment returns for enquiry",
        secret="turnover band 84,000",
        harm="Taxpayers who knew the thresholds could keep declared figures just under them to avoid scrutiny, reducing the tax collected.",
        causal="The thresholds are the trigger for enquiry; knowing them tells a taxpayer what to declare to stay clear of it.",
        evidence="An internal study of bunching of declared turnover below a threshold that had been published earlier.",
        maintain=[F("tax", "the effective assessment and collection of tax", "strong")],
        disclose=[F("fairness", "public confidence that enquiries are selected fairly", "moderate")],
    ),
    "s.31(1)(e)": dict(
        topic="immigration officer shift patterns at a small port",
        wording="Please send the shift patterns of immigration officers at Placeholder Harbour.",
        item="Shift patterns of immigration officers at a small port",
        secret="no cover 02:00 to 06:00",
        harm="People seeking to enter the country unlawfully would time their arrival for hours when no officer is on duty.",
        causal="The rota shows when the port is staffed and when it is not.",
        evidence="Intelligence that small boats have used known gaps in cover at other ports.",
        likelihood="would-be-likely-to",
        maintain=[F("borders", "the effective operation of the immigration controls", "strong")],
        disclose=[F("resources", "scrutiny of how border resources are deployed", "moderate")],
    ),
    "s.31(1)(f)": dict(
        topic="the CCTV camera positions at a prison",
        wording="Please send the plan of CCTV camera positions at HMP Placeholder.",
        item="Plan of CCTV camera positions at a prison",
        secret="blind spot by wing C stairwell",
        harm="Prisoners and visitors who knew the blind spots could pass contraband and plan assaults unobserved.",
        causal="The plan shows the field of view of every camera, and so the places no camera covers.",
        evidence="Incident reports of contraband passed in an area later found to be outside camera cover.",
        maintain=[F("security", "security and good order in prisons", "strong")],
        disclose=[F("accountability", "accountability for prison safety", "moderate")],
        created=1919,
        assumption="The camera plan is filed with the prison's original building plans of 1919 and the file counts as created then.",
    ),
    "s.31(1)(h)": dict(
        topic="the evidence bundle for director disqualification proceedings",
        wording="Please send the evidence you have gathered against the former directors of Placeholder Ltd.",
        item="Evidence bundle for director disqualification proceedings against two former directors",
        secret="bank statement of Director Placeholder",
        purposes=["s.31(2)(d)"],
        harm="Releasing the evidence before the hearing would let the directors tailor their defence and would prejudice the civil proceedings.",
        causal="The bundle is the case the service will put to the court; disclosure to the world is disclosure to the respondents before the timetable the court has set.",
        evidence="The court's directions setting the dates for exchange of evidence.",
        maintain=[F("proceedings", "the fair conduct of civil proceedings brought after a statutory investigation", "strong")],
        disclose=[F("accountability", "accountability for how failed companies are investigated", "moderate")],
    ),
    "s.31(1)(i)": dict(
        topic="an accident investigation report awaiting a fatal accident inquiry",
        wording="Please send your investigation report into the fatal fall at the Placeholder Quay construction site.",
        item="Investigation report into a fatal fall at a construction site in Scotland",
        secret="finding on the edge protection",
        purposes=["s.31(2)(e)"],
        harm="Publishing the report before the fatal accident inquiry would prejudice the inquiry's consideration of the evidence.",
        causal="Witnesses who read the report's findings before giving evidence would be influenced by them.",
        evidence="The procurator fiscal's letter asking that the report not be published before the inquiry.",
        maintain=[F("inquiry", "the effectiveness of the fatal accident inquiry", "strong")],
        disclose=[F("safety", "public understanding of the causes of workplace deaths", "moderate")],
    ),
    # s.32 court, inquiry and arbitration records (absolute)
    "s.32(1)(a)": dict(
        topic="witness statements filed with a court",
        wording="Please send the witness statements in the claim against the council by Placeholder Builders.",
        item="The council's copies of witness statements filed with the court in a contract claim",
        secret="statement of Site Manager Placeholder",
        class_facts=["The council holds the statements only because they are in documents filed with the court in the claim."],
        disclose=[F("accountability", "accountability for a contract dispute costing public money", "very-strong")],
        created=2001,
    ),
    "s.32(1)(b)": dict(
        topic="a claim form served on the council",
        wording="Please send the claim form in the personal injury claim brought against the council last year.",
        item="The claim form served on the council in a personal injury claim",
        secret="claimant Placeholder",
        class_facts=["The council holds the claim form only because it was served on it in the proceedings."],
        disclose=[F("accountability", "accountability for the safety of council premises", "very-strong")],
    ),
    "s.32(1)(c)": dict(
        topic="a judge's case management order",
        wording="Please send the court's order in the council's possession proceedings.",
        item="The case management order made by the judge in possession proceedings",
        secret="directions on Placeholder Court flats",
        class_facts=["The order was made by the court for the proceedings, and the council holds it only because it is a party."],
        disclose=[F("transparency", "open justice and transparency about the council's housing litigation", "very-strong")],
    ),
    "s.32(2)(a)": dict(
        topic="evidence lodged with a statutory inquiry",
        wording="Please send the evidence the landowners lodged with the inspector at the bypass inquiry.",
        item="Evidence lodged with the inspector holding the statutory inquiry into a bypass compulsory purchase order",
        secret="valuation by Placeholder Estates",
        class_facts=["The inspectorate holds the evidence only because it was placed in the custody of the inspector conducting the statutory inquiry, for the inquiry."],
        disclose=[F("participation", "public participation in decisions on major roads", "very-strong")],
    ),
    "s.32(2)(b)": dict(
        topic="an arbitrator's interim award",
        wording="Please send the interim award in the arbitration between the trust and its building contractor.",
        item="The arbitrator's interim award in a dispute between the trust and its building contractor",
        secret="award of GBP 2.3 million",
        class_facts=["The award was created by the arbitrator for the purposes of the arbitration, and the trust holds it only for that reason."],
        disclose=[F("spending", "accountability for public money in a hospital building contract", "very-strong")],
    ),
    "s.32(3)": dict(
        topic="whether court documents are held about a named care home",
        wording="Have any court documents been filed in proceedings about Placeholder Care Home?",
        ncnd_item="Any court documents about the care home named in the request",
        class_facts=["Any such information would be held only because it was contained in documents filed with the court in proceedings."],
    ),
    # s.33 audit functions
    "s.33(2)": dict(
        topic="draft findings of a continuing value-for-money study",
        wording="Please send your draft findings on the hospital building programme.",
        item="Draft findings of the continuing value-for-money study of a hospital building programme",
        secret="overspend of 38 per cent",
        purposes=["s.33(1)(b)"],
        harm="Releasing draft findings before the audited bodies have checked them would undermine the study and the audit process.",
        causal="Audited bodies give frank access on the understanding that draft findings are cleared with them first; early release would make them guarded in this and later studies.",
        evidence="Correspondence in which two audited trusts made their cooperation conditional on clearance of drafts.",
        created=2001,
    ),
    "s.33(3)": dict(
        topic="whether an unannounced examination of a contract is under way",
        wording="Is the audit office examining the car parking contract at Placeholder NHS Trust?",
        ncnd_item="Any information about an examination of the contract named in the request",
        harm="Confirming an unannounced value-for-money examination would alert the trust and compromise the examination.",
        causal="The examination depends on records being gathered before the trust knows it is under scrutiny.",
        evidence="The audit office's methodology for unannounced examinations.",
        maintain=[F("audit", "effective audit of public bodies", "strong")],
        disclose=[F("accountability", "accountability of audited bodies", "moderate")],
    ),
    # s.34 parliamentary privilege (absolute)
    "s.34(1)": dict(
        topic="the drafts of a select committee report",
        wording="Please send the drafts of the committee's report on water company regulation.",
        item="Drafts of a select committee report, with members' amendments",
        secret="amendment by Member Placeholder",
        class_facts=["The drafts are proceedings of the committee, and publishing them without the House's leave would infringe its privileges."],
        disclose=[F("scrutiny", "public scrutiny of how Parliament reached its conclusions", "very-strong")],
    ),
    "s.34(2)": dict(
        topic="whether a committee took evidence in private from a named company",
        wording="Has the committee taken evidence in private from Placeholder Water plc?",
        ncnd_item="Any record of private evidence from the company named in the request",
        class_facts=["Confirming or denying would reveal the committee's private proceedings, which the House has not published."],
    ),
    # s.37 communications with His Majesty etc., and honours
    "s.37(1)(a)": dict(
        topic="letters exchanged with the Sovereign",
        wording="Please send the department's letters to and from the Sovereign about the coastal access bill.",
        item="Letters between the department and the Sovereign about a bill",
        secret="the Sovereign's view on clause 4",
        class_facts=["The letters are communications with the Sovereign."],
        disclose=[F("accountability", "accountability for any influence on legislation", "very-strong")],
        created=1948,
        assumption="The Sovereign concerned died more than five years before the request, so the later of the two periods in s.63 has also ended.",
    ),
    "s.37(1)(aa)": dict(
        topic="letters from the heir to the Throne",
        wording="Please send the letters the heir to the Throne wrote to the minister about architecture policy.",
        item="Letters from the heir to the Throne to the minister about architecture policy",
        secret="remarks on the Placeholder Square design",
        class_facts=["The letters are communications with the heir to the Throne."],
        disclose=[F("accountability", "transparency about attempts to influence government policy", "very-strong")],
    ),
    "s.37(1)(ab)": dict(
        topic="letters from someone who has since become heir to the Throne",
        wording="Please send the 2012 correspondence with the person who is now heir to the Throne about rural housing.",
        item="Correspondence from 2012 with a person who has since become heir to the Throne",
        secret="proposal for Placeholder Estate",
        class_facts=["The correspondence is with a person who has since become heir to the Throne."],
        disclose=[F("accountability", "transparency about attempts to influence government policy", "very-strong")],
    ),
    "s.37(1)(ac)": dict(
        topic="letters from another member of the Royal Family",
        wording="Please send the letters from a member of the Royal Family about the lease of Crown land to a charity.",
        item="Letters from a member of the Royal Family about the lease of land to a charity",
        secret="the rent proposed for Placeholder Park",
        class_facts=[
            "The letters are communications with a member of the Royal Family.",
            "That member is not the Sovereign, the heir or second in line, and did not write on their behalf.",
        ],
    ),
    "s.37(1)(ad)": dict(
        topic="emails with the Royal Household about a state visit",
        wording="Please send the emails with the Royal Household about the costs of the state visit.",
        item="Emails between the department and the Royal Household about the costs of a state visit",
        secret="banquet cost of GBP 310,000",
        class_facts=[
            "The emails are communications with the Royal Household.",
            "They were not made or received on behalf of the Sovereign, the heir or second in line.",
        ],
    ),
    "s.37(1)(b)": dict(
        topic="the honours committee's assessment of nominations",
        wording="Please send the honours committee's assessment of this year's nominations for services to sport.",
        item="The honours committee's assessment of nominations for services to sport",
        secret="Nominee Placeholder ranked first",
        class_facts=["The papers relate to the conferring by the Crown of honours."],
        created=1960,
    ),
    "s.37(2)": dict(
        topic="whether a named person was nominated for an honour",
        wording="Was Placeholder Person nominated for an honour and turned down?",
        ncnd_item="Any information about an honours nomination of the person named in the request",
        class_facts=["Any such information would relate to the conferring by the Crown of an honour."],
        maintain=[F("confidentiality", "the confidentiality of the honours system, including for people not honoured", "significant")],
        disclose=[F("confidence", "public confidence that honours are awarded fairly", "moderate")],
    ),
    # s.38 health and safety
    "s.38(1)(a)": dict(
        topic="photographs from the scene of a fatal rail accident",
        wording="Please send the photographs taken at the scene of the level crossing accident.",
        item="Photographs taken at the scene of a fatal level crossing accident",
        secret="image set Placeholder 7",
        harm="Publishing the photographs would endanger the mental health of the bereaved family.",
        causal="The family have told the authority they would see any published images, and their doctor has described the effect this would have on them.",
        evidence="A letter from the family's doctor.",
    ),
    "s.38(1)(b)": dict(
        topic="the addresses of animal research facilities",
        wording="Please send the addresses of the facilities where the university carries out animal research.",
        item="Addresses of the facilities where the university carries out animal research",
        secret="Unit 4, Placeholder Park",
        harm="Releasing the addresses would endanger the safety of staff at the facilities.",
        causal="Extremists have attacked staff at similar sites once their locations became known.",
        evidence="Police reports of attacks on staff at two comparable facilities.",
        likelihood="would-be-likely-to",
    ),
    "s.38(2)": dict(
        topic="whether a women's refuge operates at a given address",
        wording="Is there a women's refuge at 12 Placeholder Road?",
        ncnd_item="Any information about a refuge at the address given in the request",
        harm="Confirming or denying would reveal whether a refuge operates at the address.",
        causal="Abusers looking for former partners could use the answer to find them.",
        evidence="Police advice to the council about attempts to locate refuges through public requests.",
        maintain=[F("safety", "the safety of the women and children in refuges", "very-strong")],
        disclose=[F("transparency", "transparency about the council's refuge provision", "moderate")],
    ),
    # s.39 environmental information
    "s.39(1)(a)": dict(
        topic="air quality readings near a school",
        wording="Please send the air quality readings from the monitor outside Placeholder Primary School.",
        item="Air quality readings from the monitor outside a primary school",
        class_facts=["The readings are environmental information on the state of the air, which the council must make available under the Environmental Information Regulations 2004, and it is dealing with the request under them."],
        maintain=[F("right-regime", "dealing with environmental information under the regime designed for it", "significant")],
        disclose=[F("transparency", "transparency about air quality", "moderate")],
    ),
    "s.39(1)(b)": dict(
        topic="the nesting sites of a rare bird",
        wording="Please send the locations of the nesting sites found in the moorland survey.",
        item="Locations of nesting sites of a rare bird of prey",
        secret="grid square Placeholder 42",
        class_facts=["The locations are environmental information that the authority would have to make available under the Environmental Information Regulations 2004 but for the exception in regulation 12(5)(g)."],
        maintain=[F("right-regime", "dealing with environmental information under the regime designed for it", "significant")],
        disclose=[F("transparency", "transparency about wildlife protection", "moderate")],
    ),
    "s.39(2)": dict(
        topic="whether pollution reports are held about a named farm",
        wording="Does the agency hold reports of pollution from Placeholder Farm?",
        ncnd_item="Any reports of pollution from the farm named in the request",
        class_facts=["Any such information would be environmental information to be dealt with under the Environmental Information Regulations 2004."],
        maintain=[F("right-regime", "dealing with environmental information under the regime designed for it", "significant")],
        disclose=[F("transparency", "transparency about pollution", "moderate")],
    ),
    # s.44 prohibitions on disclosure (absolute)
    "s.44(1)(a)": dict(
        topic="information a company supplied in a merger inquiry",
        wording="Please send the information Placeholder Foods gave you during the merger inquiry.",
        item="Information supplied by a company during a merger inquiry",
        secret="Placeholder Foods margin data",
        class_facts=["Part 9 of the Enterprise Act 2002 prohibits the authority from disclosing information about a business obtained in the inquiry, other than under that Part."],
        disclose=[F("competition", "public understanding of a merger decision affecting food prices", "very-strong")],
    ),
    "s.44(1)(b)": dict(
        topic="confidential business information in a chemical registration",
        wording="Please send the registration dossier for the solvent Placeholdrene.",
        item="Confidential business information in a chemical registration dossier",
        secret="impurity profile 0.3 per cent",
        class_facts=["The assimilated chemicals regulation under which the dossier was submitted requires the agency to keep this business information confidential."],
        disclose=[F("safety", "public understanding of chemical safety", "very-strong")],
    ),
    "s.44(1)(c)": dict(
        topic="material subject to a court's reporting restriction",
        wording="Please send the evidence about the defendant's previous convictions in the Placeholder trial.",
        item="Evidence about a defendant's previous convictions in a continuing trial",
        secret="1998 conviction at Placeholder Crown Court",
        class_facts=["The Crown Court has ordered that the material must not be published until the trial ends, and disclosing it now would be a contempt of court."],
        disclose=[F("open-justice", "open justice", "very-strong")],
    ),
    "s.44(2)": dict(
        topic="whether a named company is subject to a tax enquiry",
        wording="Has HMRC opened an enquiry into the tax affairs of Placeholder Ltd?",
        ncnd_item="Any information about a tax enquiry into the company named in the request",
        class_facts=["Confirming or denying would itself disclose information about an identifiable taxpayer held in connection with HMRC's functions, which section 18 of the Commissioners for Revenue and Customs Act 2005 prohibits."],
    ),
}

EIR = {
    "reg.12(4)(a)": dict(
        topic="a noise survey the council never commissioned",
        out_name="reg.12(4)(a) not engaged when the council gives no facts showing the survey is not held",
        wording="Please send the noise survey for the Placeholder Road depot.",
        item="A noise survey of the depot",
        not_held=True,
        class_facts=["The council searched its planning and environmental health records and found no noise survey; none was commissioned."],
    ),
    "reg.12(4)(c)": dict(
        topic="a request for everything about a river",
        wording="Please send everything you hold about the River Placeholder.",
        item="All information held about the river, in any department and of any date",
        class_facts=[
            "The request covers every record on any aspect of a forty-mile river, across all departments and years, and the information asked for cannot be identified as framed.",
            "The council asked the requester to narrow the request and offered examples of narrower requests under regulation 9, and received no reply.",
        ],
        maintain=[F("clarify", "the request cannot sensibly be answered until it is clarified", "strong")],
        disclose=[F("participation", "public participation in decisions about the river", "moderate")],
    ),
    "reg.12(4)(d)": dict(
        topic="a draft flood risk assessment",
        wording="Please send the flood risk assessment for the town centre.",
        item="Draft flood risk assessment for the town centre",
        secret="flood depth of 1.4 metres",
        class_facts=["The assessment is a draft that the council's engineers are still revising; the final version is due in three months."],
        maintain=[F("safe-space", "room to finish the assessment without public debate on figures that will change", "strong")],
        disclose=[F("participation", "public participation in flood planning", "moderate")],
    ),
    "reg.12(5)(a)": dict(
        topic="the locations of gas network isolation valves",
        wording="Please send the locations of the valves that isolate the regional gas supply.",
        item="Locations of the isolation valves on the regional gas network",
        secret="valve chamber at Placeholder Lane",
        harm="Knowing where the valves are would help anyone seeking to sabotage the gas network, endangering public safety and national security.",
        causal="The list gives the exact location of each valve; interfering with a few of them would cut supply to a whole region.",
        evidence="A security service assessment of threats to energy infrastructure naming isolation valves as targets.",
        maintain=[F("infrastructure", "protecting critical national infrastructure and public safety", "very-strong")],
        disclose=[F("transparency", "transparency about the safety of the gas network", "moderate")],
    ),
    "reg.12(6)": dict(
        topic="whether nuclear material is stored at a site",
        wording="Is nuclear material stored at the Placeholder Road site?",
        ncnd_item="Any information about the storage of nuclear material at the site named in the request",
        harm="Confirming or denying would reveal whether nuclear material is stored at the site.",
        causal="A pattern of answers about different sites would help a terrorist group choose a target.",
        evidence="A security assessment of attempts to map the storage of radioactive material.",
        maintain=[F("security", "national security and public safety", "very-strong")],
        disclose=[F("transparency", "the public's right to know about environmental hazards near them", "moderate")],
    ),
    "reg.12(5)(c)": dict(
        topic="a licensed commercial flood model",
        wording="Please send the flood model the agency used for the Placeholder valley study.",
        item="The flood model licensed from a software company",
        secret="Placeholder Hydro source code",
        harm="Releasing the model would infringe the company's copyright and database rights and allow free copying of a product it sells.",
        causal="The agency holds the model under a licence; publishing it would let anyone use it without paying the licence fee.",
        evidence="The licence agreement and the company's published price list.",
        maintain=[F("ipr", "protecting intellectual property rights and the income of their owner", "strong")],
        disclose=[F("transparency", "transparency about the basis of flood decisions", "moderate")],
    ),
    "reg.12(5)(d)": dict(
        topic="papers from the closed part of a planning committee meeting",
        wording="Please send the papers the planning committee considered in private about the contaminated land site.",
        item="Papers considered by the planning committee after the public was excluded",
        secret="remediation cost estimate",
        harm="Disclosure would breach the confidentiality the law gives to the part of the meeting from which the public was excluded.",
        causal="The committee excluded the public under Schedule 12A to the Local Government Act 1972 to discuss these papers, and disclosure would release exactly what was discussed in private.",
        evidence="The committee's resolution excluding the public, and the papers' exempt marking.",
        maintain=[F("proceedings", "the confidentiality of proceedings that the law protects", "strong")],
        disclose=[F("transparency", "transparency about decisions on contaminated land", "moderate")],
    ),
    "reg.12(5)(f)": dict(
        topic="a bat survey a landowner volunteered",
        wording="Please send the bat survey for Placeholder Barn.",
        item="A bat survey a landowner gave the council voluntarily",
        secret="roost in the north gable",
        harm="Disclosure would harm the landowner, who supplied the survey voluntarily and has refused consent.",
        causal="The survey identifies the landowner's property, and publishing it would expose the owner to protest and deter others from volunteering surveys.",
        evidence="The landowner's letter refusing consent and describing protests at a neighbouring site.",
        maintain=[F("voluntary-supply", "the free flow of voluntarily supplied environmental information", "strong")],
        disclose=[F("transparency", "transparency about protected species", "moderate")],
    ),
    "reg.12(5)(g)": dict(
        topic="the locations of rare orchid colonies",
        wording="Please send the locations of the orchid colonies recorded in the county survey.",
        item="Locations of rare orchid colonies",
        secret="grid reference SP 123 456",
        harm="Disclosure would harm the protection of the orchids the information is about.",
        causal="Collectors dig up rare orchids when they know where they grow; the survey gives the exact locations.",
        evidence="Records of colonies dug up after their locations were published elsewhere.",
        maintain=[F("environment", "protection of the environment", "very-strong")],
        disclose=[F("knowledge", "public knowledge of the county's wildlife", "moderate")],
    ),
}

FOISA = {
    "s.25(1)": dict(
        topic="annual accounts already on the authority's website",
        wording="Please send your annual accounts for last year.",
        item="The authority's annual accounts for last year",
        class_facts=["The accounts are published on the authority's website, and the reply gave the exact link to them."],
        disclose=[F("transparency", "transparency about the authority's finances", "very-strong")],
    ),
    "s.26(a)": dict(
        topic="information a taxpayer gave to the tax authority",
        wording="Please send the land transaction return for Placeholder House.",
        item="A land transaction return supplied by a taxpayer",
        secret="purchase price of GBP 1.2 million",
        class_facts=["The Revenue Scotland and Tax Powers Act 2014 prohibits disclosure of protected taxpayer information that identifies the taxpayer."],
        disclose=[F("transparency", "transparency about property taxation", "very-strong")],
    ),
    "s.26(b)": dict(
        topic="confidential business information in a chemical registration",
        wording="Please send the registration dossier for the solvent Placeholdrene.",
        item="Confidential business information in a chemical registration dossier",
        secret="impurity profile 0.3 per cent",
        class_facts=["The assimilated chemicals regulation under which the dossier was supplied requires this business information to be kept confidential."],
        disclose=[F("safety", "public understanding of chemical safety", "very-strong")],
    ),
    "s.26(c)": dict(
        topic="material subject to a court order in a continuing trial",
        wording="Please send the report about the accused in the Placeholder trial.",
        item="A report about an accused in a continuing trial",
        secret="the accused's previous conviction",
        class_facts=["The sheriff has ordered that the material must not be published while the trial continues, and disclosing it would be a contempt of court."],
        disclose=[F("open-justice", "open justice", "very-strong")],
    ),
    "s.27(1)": dict(
        topic="a bathing water report due for publication",
        wording="Please send this year's bathing water quality report.",
        item="This year's bathing water quality report",
        class_facts=[
            "The report is held with a view to publication on 1 July, within twelve weeks of the request.",
            "The publication date was set before the request was made.",
            "Releasing it early would bypass the final quality checks and the coordinated release with local authorities.",
        ],
        maintain=[F("orderly-publication", "an orderly, checked publication on the planned date", "significant")],
        disclose=[F("early-access", "earlier access to information the public will soon see", "slight")],
    ),
    "s.27(2)": dict(
        topic="interim interview data from continuing research",
        wording="Please send the interview data collected so far for the fishing communities study.",
        item="Interim interview data from the continuing study of fishing communities",
        secret="Placeholder Harbour interviews",
        likelihood="would-prejudice-substantially",
        harm="Releasing the interim data would substantially prejudice the continuing study and its participants.",
        causal="Participants agreed to take part on the basis that only anonymised findings would be published, and several are identifiable from the raw interviews.",
        evidence="The consent forms and the ethics approval conditions.",
        maintain=[F("research", "letting continuing research reach publication intact", "strong")],
        disclose=[F("transparency", "transparency about publicly funded research", "moderate")],
    ),
    "s.28(1)": dict(
        topic="correspondence with the UK Government during negotiations",
        wording="Please send the Scottish Government's correspondence with the UK Government about the border rail project.",
        item="Correspondence with the UK Government about a cross-border rail project",
        secret="funding share of 35 per cent",
        likelihood="would-be-likely-to-prejudice-substantially",
        harm="Releasing the correspondence during negotiations would substantially prejudice relations between the two administrations.",
        causal="The letters set out each government's negotiating position, and the UK Government has said it would stop sharing positions in writing if they were released.",
        evidence="The UK Government's letter objecting to release.",
        maintain=[F("relations", "trust between the administrations of the United Kingdom", "strong")],
        disclose=[F("transparency", "transparency about a major infrastructure project", "moderate")],
        created=2001,
    ),
    "s.29(1)(a)": dict(
        topic="submissions on options for a land reform bill",
        wording="Please send the submissions to ministers on options for the land reform bill.",
        item="Submissions to ministers on options for a land reform bill",
        secret="option C, a cap on holdings",
        class_facts=[
            "The Scottish Ministers hold the submissions.",
            "They were written to develop policy for the bill, which is still being formulated.",
            "They are options analysis, not statistical background to a decision already taken.",
        ],
        maintain=[F("private-space", "a private space in which ministers and officials can develop the bill", "significant")],
        disclose=["factual-background"],
        created=2001,
    ),
    "s.29(1)(b)": dict(
        topic="emails between two ministers about a ferry procurement",
        wording="Please send the emails between ministers about the ferry procurement.",
        item="Emails between two Scottish Ministers about a ferry procurement",
        secret="minister's preference for yard B",
        class_facts=[
            "The Scottish Ministers hold the emails.",
            "They are communications between Ministers.",
            "They are not statistical information.",
        ],
        maintain=[F("collective", "candid discussion between ministers before a collective decision", "strong")],
        disclose=[F("accountability", "accountability for a procurement of public importance", "moderate")],
    ),
    "s.29(1)(c)": dict(
        topic="the Law Officers' advice on a bill's competence",
        wording="Please send the Lord Advocate's advice on whether the bill is within competence.",
        item="Law Officer's advice on the legislative competence of a bill",
        secret="the advice's conclusion on section 7",
        class_facts=[
            "The Scottish Ministers hold the advice.",
            "It is advice from the Lord Advocate, a Law Officer, given at the Ministers' request.",
        ],
        maintain=[F("law-officers", "the long-standing convention that Law Officers' advice is kept confidential", "very-strong")],
        disclose=[F("accountability", "public understanding of the legal basis of legislation", "significant")],
    ),
    "s.29(1)(d)": dict(
        topic="a minister's private office diary procedures",
        wording="Please send the private office's procedures for managing the minister's diary.",
        item="The private office's procedures for managing a minister's diary",
        class_facts=[
            "The Scottish Ministers hold the procedures.",
            "They relate to the operation of a Ministerial private office.",
        ],
        maintain=[F("private-office", "the effective running of the minister's private office", "significant")],
        disclose=[F("transparency", "transparency about how ministers' time is managed", "moderate")],
    ),
    "s.31(1)": dict(
        topic="a counter-terrorism protective security plan",
        wording="Please send the protective security plan for the Placeholder Bridge.",
        item="The counter-terrorism protective security plan for a major bridge",
        secret="barrier positions at the north approach",
        class_facts=["The plan sets out how the bridge is protected against terrorist attack, and exempting it from disclosure is required to safeguard national security."],
        maintain=[F("security", "safeguarding national security", "very-strong")],
        disclose=[F("reassurance", "public reassurance about the protection of major infrastructure", "moderate")],
    ),
    "s.31(4)": dict(
        topic="the routes used to move defence material",
        wording="Please send the routes Police Scotland uses when escorting defence convoys to the naval base.",
        item="Routes used when escorting defence convoys to a naval base",
        secret="route via the Placeholder Road",
        likelihood="would-prejudice-substantially",
        harm="Publishing the routes would substantially prejudice the security of the armed forces' convoys.",
        causal="The routes are used repeatedly, and anyone who knew them could plan to intercept or attack a convoy.",
        evidence="Protest groups have tried to block convoys on routes they identified.",
        maintain=[F("defence", "the security of the armed forces and their equipment", "very-strong")],
        disclose=[F("safety", "the safety of communities along the routes", "moderate")],
    ),
    "s.32(1)(a)": dict(
        topic="candid notes of a meeting with a foreign trade delegation",
        wording="Please send the notes of the minister's meeting with the trade delegation from Placeholdia.",
        item="Notes of a meeting with a foreign trade delegation, including officials' assessment of the delegation",
        secret="assessment that the delegation leader is unreliable",
        likelihood="would-be-likely-to-prejudice-substantially",
        harm="Releasing the candid assessment would substantially prejudice relations with the other State and the trade talks.",
        causal="The notes record frank views of the visiting ministers that their government would take as an insult.",
        evidence="Advice from the UK Government's trade officials on the state of the talks.",
        maintain=[F("relations", "good relations with other States and the interests of the UK abroad", "strong")],
        disclose=[F("transparency", "transparency about the Scottish Government's international engagement", "moderate")],
    ),
    "s.32(1)(b)": dict(
        topic="a fisheries briefing supplied in confidence by another State",
        wording="Please send the fisheries briefing the Placeholdian ministry sent you.",
        item="A technical fisheries briefing supplied by another State's fisheries ministry",
        secret="quota projection of 40,000 tonnes",
        class_facts=[
            "The briefing was obtained from another State's fisheries ministry.",
            "It was supplied on terms, stated on its cover, that it be held in confidence.",
        ],
        maintain=[F("trust", "other States trusting Scotland with confidential information", "strong")],
        disclose=[F("fishing", "public understanding of the fish stocks Scottish fleets rely on", "moderate")],
    ),
    "s.34(1)(a)": dict(
        topic="the investigation file on an assault",
        wording="Please send the police investigation file about the assault outside Placeholder Bar.",
        item="Investigation file on an assault",
        secret="statement of Witness Placeholder",
        class_facts=["Police Scotland held the file for its investigation into whether the suspect should be prosecuted, which it has a duty to conduct."],
        maintain=[F("investigation", "the integrity of criminal investigations and the willingness of witnesses to assist", "strong")],
        disclose=[F("accountability", "accountability for how the police investigated the assault", "moderate")],
    ),
    "s.34(1)(b)": dict(
        topic="an investigation that may lead to a report to the procurator fiscal",
        wording="Please send SEPA's investigation papers about the discharge into the Placeholder Burn.",
        item="Investigation papers about an unlawful discharge into a burn",
        secret="sample result of 340 mg per litre",
        class_facts=["SEPA held the papers for its investigation of the discharge, which may lead it to report the operator to the procurator fiscal."],
        maintain=[F("investigation", "the effectiveness of environmental enforcement", "strong")],
        disclose=[F("environment", "public knowledge of pollution incidents", "moderate")],
    ),
    "s.34(1)(c)": dict(
        topic="the papers for a prosecution that followed SEPA's report",
        wording="Please send the productions for the prosecution of Placeholder Quarries Ltd.",
        item="Papers held for the prosecution of a quarry operator",
        secret="blast record of 3 March",
        class_facts=["The papers were held for the criminal proceedings brought after SEPA reported the operator to the procurator fiscal."],
        maintain=[F("proceedings", "the fair conduct of criminal proceedings", "strong")],
        disclose=[F("transparency", "transparency about environmental prosecutions", "moderate")],
    ),
    "s.34(2)(a)": dict(
        topic="witness statements held for a fatal accident inquiry",
        wording="Please send the witness statements about the death at Placeholder Harbour.",
        item="Witness statements held for a fatal accident inquiry",
        secret="statement of Harbourmaster Placeholder",
        class_facts=["The statements are held for a fatal accident inquiry into the death, which has not yet concluded."],
        maintain=[F("inquiry", "letting the inquiry hear the evidence first", "strong")],
        disclose=[F("safety", "public understanding of harbour safety", "moderate")],
    ),
    "s.34(2)(b)": dict(
        topic="a report to the procurator fiscal on a sudden death",
        wording="Please send the police report on the death at the Placeholder Hotel.",
        item="Police report to the procurator fiscal on a sudden death at a hotel",
        secret="cause recorded in the report",
        class_facts=["The report was made to the procurator fiscal on the cause of the death."],
        maintain=[F("deaths", "the confidentiality of death investigations", "strong")],
        disclose=[F("history", "public interest in the history of the hotel", "moderate")],
        created=1920,
    ),
    "s.34(3)": dict(
        topic="a tip-off about illegal salmon fishing",
        wording="Please send the information you received about netting on the Placeholder river.",
        item="Record of information received about illegal salmon netting",
        secret="caller from the Placeholder estate",
        class_facts=[
            "The record was made for an investigation of fishing offences.",
            "It records information given by an informant who was promised confidentiality.",
        ],
        maintain=[F("sources", "protecting confidential sources, on whom wildlife crime investigations depend", "strong")],
        disclose=[F("accountability", "accountability for how wildlife crime is investigated", "moderate")],
    ),
    "s.34(4)": dict(
        topic="papers for a civil action to recover clean-up costs",
        wording="Please send the papers for the council's action against Placeholder Skips Ltd.",
        item="Papers for the council's civil action to recover the cost of clearing illegally dumped waste",
        secret="claim value of GBP 86,000",
        class_facts=[
            "The papers were obtained for civil proceedings the council has brought.",
            "The proceedings arise out of the council's investigation of the dumping, which led to a report to the procurator fiscal.",
        ],
        maintain=[F("proceedings", "the fair conduct of the council's civil proceedings", "strong")],
        disclose=[F("accountability", "accountability for the cost of clearing waste", "moderate")],
    ),
    "s.36(1)": dict(
        topic="legal advice on a planning appeal",
        wording="Please send the legal advice the council received about the Placeholder Farm planning appeal.",
        item="Legal advice to the council on a planning appeal",
        secret="advice that the appeal is likely to succeed",
        class_facts=["The advice is a communication between the council and its solicitor for the purpose of legal advice, and confidentiality of communications could be claimed for it in legal proceedings."],
        maintain=[F("confidentiality", "the strong inherent public interest in confidential legal advice", "very-strong")],
        disclose=[F("accountability", "accountability for the council's planning decisions", "moderate")],
        created=1990,
    ),
    "s.36(2)": dict(
        topic="a contractor's financial information given in confidence",
        wording="Please send the financial statements Placeholder Construction gave you.",
        item="Financial statements a contractor gave the council in confidence",
        secret="Placeholder Construction's overdraft limit",
        class_facts=[
            "The council obtained the statements from the contractor.",
            "They were supplied in confidence, are not public, and disclosing them would be an actionable breach of confidence.",
        ],
        disclose=[F("spending", "scrutiny of the contractor's ability to deliver a public contract", "very-strong")],
        created=1990,
    ),
    "s.37(1)": dict(
        topic="documents lodged in a judicial review",
        wording="Please send the documents lodged in the judicial review of the school closure.",
        item="The council's copies of documents lodged in the Court of Session in a judicial review",
        secret="affidavit of Parent Placeholder",
        class_facts=[
            "The documents were lodged with the court in the proceedings.",
            "The council holds them only because they are contained in those court documents.",
        ],
        disclose=[F("accountability", "accountability for the school closure decision", "very-strong")],
        created=2001,
    ),
    "s.39(1)": dict(
        topic="the layout plans of a women's refuge",
        wording="Please send the plans of the refuge on Placeholder Street.",
        item="Layout plans of a women's refuge",
        secret="rear entrance location",
        likelihood="would-prejudice-substantially",
        harm="Releasing the plans would endanger the safety of the women and children in the refuge.",
        causal="An abusive former partner could use the plans to find a way into the building.",
        evidence="Police reports of attempts to enter refuges in the area.",
        maintain=[F("safety", "the safety of refuge residents", "very-strong")],
        disclose=[F("transparency", "transparency about refuge provision", "moderate")],
    ),
    "s.39(2)": dict(
        topic="river pollution monitor readings",
        wording="Please send the readings from the pollution monitor on the River Placeholder.",
        item="Readings from a river pollution monitor",
        class_facts=["SEPA is obliged by the Environmental Information (Scotland) Regulations 2004 to make the readings available and is dealing with the request under them."],
        maintain=[F("right-regime", "dealing with environmental information under the regime designed for it", "significant")],
        disclose=[F("transparency", "transparency about water quality", "moderate")],
    ),
    "s.40(a)": dict(
        topic="draft audit findings on a council's accounts",
        wording="Please send the auditor's draft findings on Placeholder Council's accounts.",
        item="Draft audit findings on a council's accounts",
        secret="unsupported accrual of GBP 2 million",
        likelihood="would-be-likely-to-prejudice-substantially",
        harm="Releasing draft findings before the council has responded would substantially prejudice the audit of its accounts.",
        causal="The audit relies on the audited body responding frankly to drafts; published drafts would be contested in public instead.",
        evidence="The council's written refusal to comment on drafts if they are to be released.",
        maintain=[F("audit", "effective audit of public accounts", "strong")],
        disclose=[F("accountability", "accountability of the audited council", "moderate")],
        created=2001,
    ),
    "s.40(b)": dict(
        topic="working papers of a best value review",
        wording="Please send the working papers of the best value review of Placeholder Council's roads service.",
        item="Working papers of a continuing best value review of a council's roads service",
        secret="benchmark cost per kilometre",
        likelihood="would-prejudice-substantially",
        harm="Releasing the working papers mid-review would substantially prejudice the examination of the council's use of resources.",
        causal="Council staff gave frank information on the understanding that it would be reported only in the final review.",
        evidence="Interview notes recording that assurance.",
        maintain=[F("audit", "effective examination of value for money", "strong")],
        disclose=[F("accountability", "accountability for roads spending", "moderate")],
    ),
    "s.41(a)": dict(
        topic="letters with the Royal Household about a royal visit",
        wording="Please send the letters between the First Minister's office and the Royal Household about the royal visit.",
        item="Letters between the First Minister's office and the Royal Household about a royal visit",
        secret="arrangements at Placeholder Castle",
        class_facts=["The letters are communications with the Royal Household."],
        maintain=[F("confidentiality", "the confidentiality of communications with the Royal Household", "significant")],
        disclose=[F("transparency", "transparency about the cost of royal visits", "moderate")],
    ),
    "s.41(b)": dict(
        topic="papers on honours nominations",
        wording="Please send the papers on the Scottish Government's honours nominations.",
        item="Papers on honours nominations",
        secret="Nominee Placeholder's citation",
        class_facts=["The papers relate to the conferring by the Crown of honours."],
        maintain=[F("confidentiality", "the confidentiality of the honours process", "significant")],
        disclose=[F("confidence", "public confidence in the honours system", "moderate")],
        created=1960,
    ),
}

AU = {
    "s.33(a)(i)": dict(
        topic="an assessment of weaknesses in a border security system",
        wording="Please send the department's assessment of the cargo screening system.",
        item="Assessment of vulnerabilities in a cargo screening system",
        secret="weakness in the Placeholder scanner",
        likelihood="could-reasonably-be-expected-to",
        harm="Disclosure could reasonably be expected to damage the security of the Commonwealth.",
        causal="The assessment identifies the weaknesses that would let prohibited items pass screening undetected.",
        evidence="Intelligence that criminal groups seek such information.",
        disclose=[F("accountability", "accountability for border security spending", "very-strong")],
    ),
    "s.33(a)(ii)": dict(
        topic="availability rates of a class of patrol aircraft",
        wording="Please send the availability rates of the maritime patrol aircraft fleet.",
        item="Availability rates of a class of maritime patrol aircraft",
        secret="fleet availability of 45 per cent",
        harm="Disclosure would damage the defence of the Commonwealth.",
        causal="The rates show how many aircraft can fly at any time, revealing gaps in surveillance of the maritime approaches.",
        evidence="Defence advice on the surveillance coverage each aircraft provides.",
        disclose=[F("accountability", "accountability for defence procurement", "very-strong")],
    ),
    "s.33(a)(iii)": dict(
        topic="a diplomatic cable assessing a neighbouring government",
        wording="Please send the embassy's cables about the election in Placeholdia.",
        item="Embassy cable assessing the leadership of a neighbouring country",
        secret="assessment of the Placeholdian Prime Minister",
        likelihood="could-reasonably-be-expected-to",
        harm="Disclosure could reasonably be expected to damage Australia's relations with the neighbouring country.",
        causal="The cable contains candid assessments of the country's leaders, which that government would regard as hostile.",
        evidence="The reaction of that government to an earlier leak of a similar cable.",
        disclose=[F("debate", "informed public debate about foreign policy", "very-strong")],
    ),
    "s.33(b)": dict(
        topic="information supplied in confidence by a foreign government",
        wording="Please send the information the Placeholdian government gave you about the shipping incident.",
        item="Information communicated by a foreign government about a shipping incident",
        secret="the foreign navy's account",
        class_facts=["The information was communicated in confidence by a foreign government to the Commonwealth, as the covering letter states."],
        disclose=[F("debate", "informed public debate about a maritime incident", "very-strong")],
    ),
    "s.34": dict(
        topic="a Cabinet submission on a visa program",
        wording="Please send the Cabinet submission on the new regional visa program.",
        item="Cabinet submission on a new visa program",
        secret="option recommended to Cabinet",
        class_facts=["The document was prepared for the purpose of submission to the Cabinet, was submitted, and was brought into existence for that dominant purpose."],
        disclose=[F("debate", "informed public debate about migration policy", "very-strong")],
    ),
    "s.38": dict(
        topic="a taxpayer's information protected by a secrecy provision",
        wording="Please send the tax information the Office holds about Placeholder Pty Ltd.",
        item="Tax information about an identified entity",
        secret="Placeholder Pty Ltd taxable income",
        class_facts=["Section 355-25 in Schedule 1 to the Taxation Administration Act 1953, a provision listed in Schedule 3, prohibits disclosure of the information."],
        disclose=[F("transparency", "transparency about corporate tax", "very-strong")],
    ),
    "s.42": dict(
        topic="legal advice on a contract dispute",
        wording="Please send the legal advice you received about the dispute with Placeholder Constructions.",
        item="Legal advice to the agency about its liability in a contract dispute",
        secret="advice on the prospects of the claim",
        class_facts=["The document is confidential advice from the agency's lawyers, given for the dominant purpose of legal advice, and privilege has not been waived."],
        disclose=[F("accountability", "accountability for public money at risk in the dispute", "very-strong")],
    ),
    "s.45": dict(
        topic="a business plan supplied in confidence",
        wording="Please send the business plan Placeholder Robotics submitted with its grant application.",
        item="Business plan submitted in confidence with a grant application",
        secret="Placeholder Robotics expansion target",
        class_facts=["The plan was given in confidence by the applicant, is not public, and its disclosure would found an action for breach of confidence by the applicant."],
        disclose=[F("spending", "oversight of grant expenditure", "very-strong")],
    ),
    "s.45A": dict(
        topic="a Parliamentary Budget Office request for costing information",
        wording="Please send the requests you have received from the Parliamentary Budget Office this year.",
        item="A request from the Parliamentary Budget Office for information to cost a policy",
        secret="the policy being costed",
        class_facts=["The document is a request from the Parliamentary Budget Office for information to prepare a costing that a parliamentarian asked it to keep confidential."],
        disclose=[F("debate", "informed public debate about policy costings", "very-strong")],
    ),
    "s.46": dict(
        topic="a document covered by a suppression order",
        wording="Please send the expert report filed in the Placeholder proceedings.",
        item="An expert report subject to a Federal Court suppression order",
        secret="the report's conclusion",
        class_facts=["The Federal Court has made a suppression order over the report, and disclosing it would be a contempt of court."],
        disclose=[F("open-justice", "open justice", "very-strong")],
    ),
    "s.47(1)(a)": dict(
        topic="the formulation of a vaccine adjuvant",
        wording="Please send the manufacturing details supplied for the Placeholder vaccine.",
        item="The formulation of a vaccine adjuvant supplied by its manufacturer",
        secret="adjuvant ratio 3 to 1",
        class_facts=["The formulation is a trade secret: it is used in the manufacturer's trade, is kept secret, and would be of value to competitors."],
        disclose=[F("safety", "public confidence in vaccine safety", "very-strong")],
    ),
    "s.47(1)(b)": dict(
        topic="a contractor's unit rates",
        wording="Please send the unit rates in the road maintenance contract with Placeholder Civil.",
        item="The contractor's schedule of unit rates in a road maintenance contract",
        secret="rate of 112 dollars per square metre",
        harm="Disclosure would destroy or diminish the commercial value of the rates.",
        causal="Competitors bidding against the contractor in the current tender round would undercut its rates.",
        evidence="The contractor's statement that the same rates are in its current bids.",
        disclose=[F("spending", "oversight of public expenditure on roads", "very-strong")],
    ),
    "s.47A": dict(
        topic="an electoral roll",
        wording="Please send a copy of the electoral roll for the division of Placeholder.",
        item="The electoral roll for a division",
        class_facts=["The document is an electoral roll prepared under the Commonwealth Electoral Act 1918."],
        disclose=[F("research", "research into electoral participation", "very-strong")],
    ),
    "s.47B(a)": dict(
        topic="notes of hospital funding negotiations with a State",
        wording="Please send the notes of the department's meetings with the State about hospital funding.",
        item="Notes of negotiations with a State about hospital funding",
        secret="the Commonwealth's fallback offer",
        likelihood="could-reasonably-be-expected-to",
        harm="Disclosure could reasonably be expected to damage relations between the Commonwealth and the State.",
        causal="The notes record the State's confidential negotiating position, and the State has said it would stop negotiating in writing if they were released.",
        evidence="The State's letter objecting to release.",
        maintain=[F("relations", "cooperative Commonwealth-State relations in a continuing negotiation", "strong")],
        disclose=["public-debate"],
    ),
    "s.47B(b)": dict(
        topic="information communicated in confidence by a State",
        wording="Please send the State's briefing on its health workforce.",
        item="Briefing communicated by a State to the Commonwealth about its health workforce",
        secret="the State's vacancy figures",
        class_facts=["The briefing was communicated in confidence by the State's health department to the Commonwealth."],
        maintain=[F("confidence", "the States' willingness to share information with the Commonwealth in confidence", "strong")],
        disclose=["public-debate"],
    ),
    "s.47D": dict(
        topic="the reserve price for the sale of Commonwealth land",
        wording="Please send the reserve price for the sale of the former depot site.",
        item="Reserve price for the sale of a Commonwealth property",
        secret="reserve of 18 million dollars",
        likelihood="could-reasonably-be-expected-to",
        harm="Disclosure could reasonably be expected to have a substantial adverse effect on the Commonwealth's financial interests.",
        causal="The sale is still open; bidders who knew the reserve would bid no more than it.",
        evidence="The sales agent's advice on bidding behaviour.",
        maintain=[F("revenue", "getting the best return on public property", "strong")],
        disclose=["expenditure-oversight"],
    ),
    "s.47H": dict(
        topic="incomplete research data on a crop variety",
        wording="Please send the field trial data for the new drought-tolerant wheat.",
        item="Incomplete field trial data for a new crop variety",
        secret="yield of 4.1 tonnes per hectare",
        likelihood="could-reasonably-be-expected-to",
        harm="Disclosure could reasonably be expected to expose the research officers unreasonably to disadvantage before the research is complete.",
        causal="Others could publish the incomplete results first and claim the work.",
        evidence="The research plan, showing a further season of trials before publication.",
        maintain=[F("research", "letting scientific research reach completion", "strong")],
        disclose=["public-debate"],
    ),
    "s.47J": dict(
        topic="modelling of a proposed tax change before its announcement",
        wording="Please send the modelling of the proposed change to capital gains tax on housing.",
        item="Modelling of the effect of a proposed tax change on housing prices",
        secret="price fall of 6 per cent",
        harm="Disclosure would have a substantial adverse effect on Australia's economy.",
        causal="Released before any announcement, the modelling would let investors trade on it and would unsettle the housing market.",
        evidence="Treasury advice on market reaction to leaked tax proposals.",
        maintain=[F("economy", "orderly markets and the management of the economy", "strong")],
        disclose=["public-debate"],
    ),
}

FACTS = {"uk-foia-2000": FOIA, "uk-eir-2004": EIR, "scot-foisa-2002": FOISA, "au-foi-1982": AU}

# Which generated file each provision goes in; the hand-written files hold the others.
FILES = {
    "uk-foia-2000": [
        ("s22a.yaml", "s.22A research", ["s.22A(1)(b)(i)", "s.22A(1)(b)(ii)", "s.22A(1)(b)(iii)", "s.22A(1)(b)(iv)", "s.22A(2)"]),
        ("s26.yaml", "s.26 defence", ["s.26(1)(a)", "s.26(1)(b)", "s.26(3)"]),
        ("s28.yaml", "s.28 relations within the United Kingdom", ["s.28(1)", "s.28(3)"]),
        ("s29.yaml", "s.29 the economy", ["s.29(1)(a)", "s.29(1)(b)", "s.29(2)"]),
        ("s30.yaml", "s.30 investigations and proceedings", ["s.30(1)", "s.30(2)", "s.30(3)"]),
        ("s31-b-to-i.yaml", "s.31 law enforcement, the paragraphs s31.yaml does not cover", ["s.31(1)(b)", "s.31(1)(c)", "s.31(1)(d)", "s.31(1)(e)", "s.31(1)(f)", "s.31(1)(h)", "s.31(1)(i)"]),
        ("s32.yaml", "s.32 court, inquiry and arbitration records", ["s.32(1)(a)", "s.32(1)(b)", "s.32(1)(c)", "s.32(2)(a)", "s.32(2)(b)", "s.32(3)"]),
        ("s33.yaml", "s.33 audit functions", ["s.33(2)", "s.33(3)"]),
        ("s34.yaml", "s.34 parliamentary privilege", ["s.34(1)", "s.34(2)"]),
        ("s37.yaml", "s.37 communications with His Majesty, etc. and honours", ["s.37(1)(a)", "s.37(1)(aa)", "s.37(1)(ab)", "s.37(1)(ac)", "s.37(1)(ad)", "s.37(1)(b)", "s.37(2)"]),
        ("s38.yaml", "s.38 health and safety", ["s.38(1)(a)", "s.38(1)(b)", "s.38(2)"]),
        ("s39.yaml", "s.39 environmental information", ["s.39(1)(a)", "s.39(1)(b)", "s.39(2)"]),
        ("s44.yaml", "s.44 prohibitions on disclosure", ["s.44(1)(a)", "s.44(1)(b)", "s.44(1)(c)", "s.44(2)"]),
    ],
    "uk-eir-2004": [
        ("reg-12-4-a-c-d.yaml", "EIR reg 12(4)(a), (c) and (d)", ["reg.12(4)(a)", "reg.12(4)(c)", "reg.12(4)(d)"]),
        ("reg-12-5-a-c-d-f-g.yaml", "EIR reg 12(5)(a), (c), (d), (f) and (g), and reg 12(6)", ["reg.12(5)(a)", "reg.12(6)", "reg.12(5)(c)", "reg.12(5)(d)", "reg.12(5)(f)", "reg.12(5)(g)"]),
    ],
    "scot-foisa-2002": [
        ("s25-s29.yaml", "FOISA ss.25 to 29", ["s.25(1)", "s.26(a)", "s.26(b)", "s.26(c)", "s.27(1)", "s.27(2)", "s.28(1)", "s.29(1)(a)", "s.29(1)(b)", "s.29(1)(c)", "s.29(1)(d)"]),
        ("s31-s32.yaml", "FOISA ss.31 and 32", ["s.31(1)", "s.31(4)", "s.32(1)(a)", "s.32(1)(b)"]),
        ("s34.yaml", "FOISA s.34 investigations", ["s.34(1)(a)", "s.34(1)(b)", "s.34(1)(c)", "s.34(2)(a)", "s.34(2)(b)", "s.34(3)", "s.34(4)"]),
        ("s36-s37.yaml", "FOISA ss.36 and 37", ["s.36(1)", "s.36(2)", "s.37(1)"]),
        ("s39-s41.yaml", "FOISA ss.39 to 41", ["s.39(1)", "s.39(2)", "s.40(a)", "s.40(b)", "s.41(a)", "s.41(b)"]),
    ],
    "au-foi-1982": [
        ("s33-s34.yaml", "FOI Act 1982 ss.33 and 34", ["s.33(a)(i)", "s.33(a)(ii)", "s.33(a)(iii)", "s.33(b)", "s.34"]),
        ("s38-s47a.yaml", "FOI Act 1982 ss.38 to 47A", ["s.38", "s.42", "s.45", "s.45A", "s.46", "s.47(1)(a)", "s.47(1)(b)", "s.47A"]),
        ("s47b-s47j.yaml", "FOI Act 1982 conditional exemptions ss.47B, 47D, 47H and 47J", ["s.47B(a)", "s.47B(b)", "s.47D", "s.47H", "s.47J"]),
    ],
}

# ---------------------------------------------------------------------------------------------
# Reading the rules.
# ---------------------------------------------------------------------------------------------


def load_regime(regime_id):
    folder = os.path.join(RULES, REGIMES[regime_id]["dir"])
    with open(os.path.join(folder, "index.yaml"), encoding="utf-8") as f:
        regime = yaml.safe_load(f)["regime"]
    provisions = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml") or name == "index.yaml":
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for p in (yaml.safe_load(f) or {}).get("provisions", []) or []:
                provisions[p["id"]] = p
    ncnd_targets = {p["ncnd"] for p in provisions.values() if p.get("ncnd")}
    return regime, provisions, ncnd_targets


# ---------------------------------------------------------------------------------------------
# Writing YAML that reads like the hand-written files.
# ---------------------------------------------------------------------------------------------

RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


def scalar(v, in_flow=False):
    """A scalar, quoted only where YAML (or a reader) needs it."""
    if isinstance(v, bool):
        return "true" if v else "false"
    s = str(v)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return s  # candour reads dates as text
    special = ":#?\"" + (",[]{}" if in_flow else "")
    plain = (
        s == s.strip()
        and s
        and s[0] not in "-?:,[]{}#&*!|>'\"%@`"
        and not any(ch in s for ch in special)
        and s.lower() not in RESERVED
        and not re.fullmatch(r"[0-9.+-]+", s)
    )
    return s if plain else '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(v):
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return scalar(v, in_flow=True)


class Out:
    def __init__(self):
        self.lines = []

    def __call__(self, indent, text):
        self.lines.append("  " * indent + text)


# ---------------------------------------------------------------------------------------------
# Building scenarios.
# ---------------------------------------------------------------------------------------------


def slug(pid):
    s = pid.replace("reg.", "reg-").replace("s.", "s")
    s = re.sub(r"[()]+", "-", s).strip("-")
    return re.sub(r"-+", "-", s.replace(".", "-")).lower()


def factor_entries(side, facts, p, weights):
    """The factors for one side, and their total base weight."""
    defaults = [x for x in p.get("factors", []) or [] if x["side"] == side]
    chosen = facts.get(side)
    if chosen is None:
        chosen = [x["id"] for x in defaults]
    out, total = [], 0.0
    for c in chosen:
        if isinstance(c, str):
            d = next(x for x in defaults if x["id"] == c)
            out.append({"id": c, "ref": c})
            total += weights[d["weight"]]
        else:
            out.append(dict(c))
            total += weights[c["weight"]]
    return out, total


class Builder:
    def __init__(self, regime_id):
        self.regime_id = regime_id
        self.regime, self.provisions, self.ncnd_targets = load_regime(regime_id)
        self.weights = {w["name"]: w["value"] for w in self.regime["weights"]}
        self.thresholds = self.regime.get("thresholds", []) or []
        bal = self.regime["balancing"]
        self.presumption = (bal.get("presumption") or {}).get("weight", 0)
        self.received = REGIMES[regime_id]["received"]

    def threshold(self, facts):
        tid = facts.get("likelihood") or self.thresholds[-1]["id"]
        t = next(t for t in self.thresholds if t["id"] == tid)
        return t

    def claim(self, pid, p, facts, *, causal=True, class_facts=True, factors=True, item="R1"):
        c = {"id": "c1", "provision": pid, "items": [item]}
        if facts.get("purposes"):
            c["purposes"] = facts["purposes"]
        if p["test"] == "prejudice":
            c["harm"] = facts["harm"]
            if causal:
                c["causal_chain"] = facts["causal"]
            c["likelihood"] = self.threshold(facts)["id"]
            if causal:
                c["evidence"] = [{"description": facts["evidence"], "grade": "specific"}]
        elif class_facts:
            c["class_facts"] = facts["class_facts"]
        if factors:
            fs = {}
            for side in ("maintain", "disclose"):
                entries, _ = factor_entries(side, facts, p, self.weights)
                if p["status"] == "absolute" and side == "maintain":
                    entries = []
                if entries:
                    fs[side] = entries
            if fs:
                c["factors"] = fs
        return c

    def check_balance(self, pid, p, facts):
        """The engaged scenarios say maintaining wins: check the facts give it a margin."""
        if p["status"] != "qualified":
            return
        _, m = factor_entries("maintain", facts, p, self.weights)
        _, d = factor_entries("disclose", facts, p, self.weights)
        if p["test"] == "prejudice":
            m *= self.threshold(facts)["weight_multiplier"]
        d += self.presumption
        if not m > d:
            sys.exit(f"{self.regime_id} {pid}: maintaining ({m}) does not outweigh disclosure ({d}); fix the factors")

    def item(self, facts, *, created=None, ncnd=False, iid="R1"):
        it = {"id": iid, "description": facts["ncnd_item"] if ncnd else facts["item"]}
        if facts.get("not_held"):
            it["held"] = False
        if facts.get("secret") and not ncnd:
            it["withheld_content"] = facts["secret"]
        if created:
            it["created"] = f"{created}-06-30"
        return it

    def scenarios(self, pid):
        p = self.provisions[pid]
        facts = FACTS[self.regime_id][pid]
        s = slug(pid)
        out = []
        qualified = p["status"] == "qualified"
        prejudice = p["test"] == "prejudice"
        if pid in self.ncnd_targets:
            self.check_balance(pid, p, facts)
            stmts = {"c1/engaged": "accepted"}
            if qualified:
                stmts["c1/public-interest"] = "accepted"
            stmts["c1/exempt"] = "accepted"
            out.append(dict(
                name=f"{pid} neither confirms nor denies {facts['topic']}",
                covers=[pid],
                case=dict(id=f"{s}-ncnd", items=[self.item(facts, ncnd=True)], claims=[self.claim(pid, p, facts)], notice=NCND_NOTICE),
                expect=dict(outcome="neither-confirm-nor-deny", items={"R1": "neither-confirm-nor-deny"}, statements=stmts,
                            no_flags=["F114", "F115"]),
            ))
            return out
        # Engaged.
        if qualified and not facts.get("not_held"):
            self.check_balance(pid, p, facts)
        stmts = {"c1/engaged": "accepted"}
        if qualified:
            stmts["c1/public-interest"] = "accepted"
        stmts["c1/exempt"] = "accepted"
        if facts.get("not_held"):
            # reg 12(4)(a): the information is not held, so there is nothing to weigh or disclose.
            expect = dict(outcome="not-held", items={"R1": "not-held"}, statements={"c1/engaged": "accepted"})
            name = f"{pid} engaged for {facts['topic']}"
            claim = self.claim(pid, p, facts, factors=False)
        elif qualified:
            expect = dict(outcome="refusal", items={"R1": "withhold"}, statements=stmts,
                          no_flags=(["F103", "F114"] if prejudice else ["F114"]))
            name = f"{pid} engaged for {facts['topic']}"
            claim = self.claim(pid, p, facts)
        else:
            expect = dict(outcome="refusal", items={"R1": "withhold"}, statements=stmts, flags=["F104"], no_flags=["F114"])
            name = f"{pid} withholds {facts['topic']}, with no public interest test"
            claim = self.claim(pid, p, facts)
        out.append(dict(name=name, covers=[pid],
                        case=dict(id=f"{s}-engaged", items=[self.item(facts)], claims=[claim]), expect=expect))
        # Not engaged.
        if prejudice:
            name = f"{pid} not engaged without a causal link"
            claim = self.claim(pid, p, facts, causal=False)
            stmts = {"c1/causal": "rejected", "c1/engaged": "rejected", "c1/exempt": "rejected"}
        else:
            what = {"class": "placing the information in the class", "necessity": "showing that exemption is required",
                    "reasonable-opinion": "recording a qualified person's reasonable opinion"}[p["test"]]
            name = facts.get("out_name") or f"{pid} not engaged when the claim gives no facts {what}"
            claim = self.claim(pid, p, facts, class_facts=False, factors=qualified)
            stmts = {"c1/class": "rejected", "c1/engaged": "rejected", "c1/exempt": "rejected"}
        not_engaged_facts = dict(facts, not_held=False)
        out.append(dict(name=name, covers=[pid],
                        case=dict(id=f"{s}-not-engaged", items=[self.item(not_engaged_facts)], claims=[claim]),
                        expect=dict(outcome="full", items={"R1": "disclose"}, statements=stmts, flags=["F114"])))
        # Historical-record limit.
        limit = p.get("historical_limit")
        if limit and facts.get("created"):
            year = facts["created"]
            if not int(self.received[:4]) > year + limit["years"]:
                sys.exit(f"{self.regime_id} {pid}: a record of {year} has not passed the {limit['years']}-year limit")
            case = dict(id=f"{s}-historical", items=[self.item(facts, created=year)],
                        claims=[self.claim(pid, p, facts, factors=qualified)])
            if facts.get("assumption"):
                case["assumptions"] = [facts["assumption"]]
            out.append(dict(
                name=f"{pid} falls away for a record created in {year} ({limit['years']}-year historical-record limit)",
                covers=[pid], case=case,
                expect=dict(outcome="full", items={"R1": "disclose"},
                            statements={"c1/historical": "accepted", "c1/applicable": "rejected", "c1/engaged": "rejected"},
                            flags=["F114"]),
            ))
        return out

    @staticmethod
    def write_entry(o, indent, entry):
        """A list entry: one flow mapping if it is short, otherwise one key a line."""
        line = flow(entry)
        if len(line) + 2 * indent + 2 <= 110:
            o(indent, f"- {line}")
            return
        first = True
        for k, v in entry.items():
            o(indent + (0 if first else 1), f"{'- ' if first else ''}{k}: {flow(v) if isinstance(v, (list, dict)) else scalar(v)}")
            first = False

    def write_scenario(self, o, sc, facts):
        o(1, f"- name: {scalar(sc['name'])}")
        o(2, f"covers: {flow(sc['covers'])}")
        c = sc["case"]
        o(2, "case:")
        o(3, f"id: {c['id']}")
        o(3, f"regime: {self.regime_id}")
        if c.get("assumptions"):
            o(3, "assumptions:")
            for a in c["assumptions"]:
                o(4, f"- {scalar(a)}")
        o(3, "request:")
        o(4, f"received: {self.received}")
        o(4, f"wording: {scalar(facts['wording'])}")
        o(3, "items:")
        for it in c["items"]:
            self.write_entry(o, 4, it)
        o(3, "claims:")
        for cl in c["claims"]:
            o(4, f"- id: {cl['id']}")
            for k in ("provision", "purposes", "items", "harm", "causal_chain", "likelihood", "evidence", "class_facts"):
                if k not in cl:
                    continue
                if k == "class_facts" and (len(cl[k]) > 1 or len(flow(cl[k])) > 90):
                    o(5, "class_facts:")
                    for x in cl[k]:
                        o(6, f"- {scalar(x)}")
                elif k == "evidence":
                    o(5, "evidence:")
                    for x in cl[k]:
                        self.write_entry(o, 6, x)
                elif isinstance(cl[k], list):
                    o(5, f"{k}: {flow(cl[k])}")
                else:
                    o(5, f"{k}: {scalar(cl[k])}")
            if "factors" in cl:
                o(5, "factors:")
                for side in ("maintain", "disclose"):
                    if side not in cl["factors"]:
                        continue
                    line = f"{side}: {flow(cl['factors'][side])}"
                    if len(line) + 12 <= 110:
                        o(6, line)
                    else:
                        o(6, f"{side}:")
                        for x in cl["factors"][side]:
                            self.write_entry(o, 7, x)
        if "notice" in c:
            o(3, "notice:")
            for k, v in c["notice"].items():
                o(4, f"{k}: {scalar(v)}")
        o(2, "expect:")
        e = sc["expect"]
        for k in ("outcome", "items", "statements", "flags", "no_flags"):
            if k in e:
                o(3, f"{k}: {flow(e[k]) if not isinstance(e[k], str) else e[k]}")
        o(0, "")


def main():
    counts = {}
    for regime_id, files in FILES.items():
        b = Builder(regime_id)
        tests = os.path.join(RULES, REGIMES[regime_id]["dir"], "tests")
        os.makedirs(tests, exist_ok=True)
        for name, title, ids in files:
            o = Out()
            o(0, f"# Scenarios for {title}: facts in, expected outcome out.")
            o(0, "# Run by `candour rules test`. Generated by rules/tools/make_scenarios.py from the facts")
            o(0, "# written there: edit the script, not this file, and rerun it.")
            o(0, "scenarios:")
            n = 0
            for pid in ids:
                if pid not in b.provisions:
                    sys.exit(f"{regime_id}: no provision {pid}")
                for sc in b.scenarios(pid):
                    b.write_scenario(o, sc, FACTS[regime_id][pid])
                    n += 1
            with open(os.path.join(tests, name), "w", encoding="utf-8") as f:
                f.write("\n".join(o.lines).rstrip("\n") + "\n")
            counts[regime_id] = counts.get(regime_id, 0) + n
            print(f"{os.path.relpath(os.path.join(tests, name), RULES)}: {n} scenarios")
    for regime_id, n in counts.items():
        print(f"{regime_id}: {n} generated scenarios")


if __name__ == "__main__":
    main()

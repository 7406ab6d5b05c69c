"""Training templates for threats against a person, their harmless look-alikes, and sharp
but civil opinions on contested news.

Two failures of the deep tier in news comment sections. First, threats of violence aimed
at one person (a reporter, a councillor, a judge, an MP, a neighbour, another commenter)
scored threat < 0.1 when they were veiled ("I know where she parks"), conditional ("keep
writing this and ...") or a call on others ("someone should ..."): the public sets hold
few threats to a named individual, and most of those shout. Second, plain civil opinions
on migration, asylum, voter ID, troops at a border or policing scored toxicity 0.5-0.7,
because the public sets mostly meet those topics inside abuse.

So these rows teach what makes a threat, not which words appear:

- threats of violence against a person, direct, conditional, veiled or wished on them
  through others: toxic and a threat, no identity attack and no group target; severe
  only where the harm is explicit killing or maiming (unknown otherwise), insult unknown;
- the same vocabulary with no threat in it: political and legal consequences, sport,
  idioms, reports of threats made to someone, fiction and history: civil on the threat,
  toxicity, identity-attack, severe and insult heads, no group target;
- sharp, sarcastic or questioning opinions on policies and decisions: civil on every head.

Kept apart from the evaluation material: the overlap test reads these rows through
:func:`threadguard.training.augment.template_rows` (no sentence and no five-word run
shared with the functional suite, the civil sentences or the friendly mentions).
Deterministic: the same rows on every run.
"""

from __future__ import annotations

import random
from itertools import product
from typing import Final

import numpy as np

from threadguard.training.labels import capitalised
from threadguard.training.templates_news import NO_TARGET, civil, label_row

Row = tuple[str, np.ndarray]

#: People a commenter threatens, as a third-person noun phrase (no group named).
TARGETS: Final = (
    "that councillor",
    "the trial judge",
    "the reporter",
    "our MP",
    "the planning officer",
    "the bloke at number nine",
    "the editor",
    "the magistrate",
    "the council leader",
    "that columnist",
    "the mayor",
    "the headteacher",
    "my neighbour",
    "the housing minister",
    "the commenter above",
    "the building inspector",
)
#: How a commenter addresses the person threatened.
VOCATIVES: Final = (
    "Councillor",
    "mate",
    "Mr Editor",
    "pal",
    "Your Worship",
    "sunshine",
    "Madam Mayor",
    "my friend",
)

#: (harm done to {o}/{p}, whether it is explicit killing or maiming)
HARMS: Final[tuple[tuple[str, bool], ...]] = (
    ("kill {o}", True),
    ("stab {o}", True),
    ("shoot {o}", True),
    ("strangle {o}", True),
    ("break {p} legs", True),
    ("cave {p} skull in", True),
    ("set {o} on fire", True),
    ("slit {p} throat", True),
    ("put a bullet in {o}", True),
    ("beat {o} black and blue", False),
    ("put {o} in hospital", False),
    ("punch {o} in the mouth", False),
    ("knock {p} teeth out", False),
    ("drag {o} out of that car", False),
    ("give {o} a proper kicking", False),
    ("smash {p} face in", False),
    ("rough {o} up", False),
    ("run {o} off the road", False),
)

DIRECT_FRAMES: Final = (
    "I will {h}, I swear.",
    "Mark my words, I am going to {h}.",
    "One of these nights I will {h}.",
    "I'm coming round to {h}.",
    "Next time our paths cross I'll {h}.",
    "Give me five minutes alone and I'll {h}.",
    "Honestly I am ready to {h} myself.",
    "I promise you this, I will {h} before Christmas.",
)
CONDITIONS: Final = (
    "Keep publishing these lies",
    "Vote that scheme through",
    "Sign off on that mast",
    "Say that again in public",
    "Post one more comment like that",
    "Show your face at the next meeting",
    "Close our library",
    "Jail another protester",
    "Print my name again",
    "Approve those flats",
)
CONDITIONAL_FRAMES: Final = (
    "{c} and I will {h}.",
    "{c}, and I swear I'll {h}.",
    "{c} and see what happens. I'll {h}.",
    "{c}. Go on. Then I get to {h}.",
)
CALL_FRAMES: Final = (
    "Someone should {h}.",
    "Somebody needs to {h} before the vote.",
    "Any volunteers to {h}?",
    "I'd buy a pint for whoever manages to {h}.",
    "Is nobody in this town brave enough to {h}?",
    "The lads from the estate ought to {h} tonight.",
)
#: (what the person "deserves", whether it is explicit killing or maiming)
DESERTS: Final[tuple[tuple[str, bool], ...]] = (
    ("a bullet", True),
    ("a rope and a lamppost", True),
    ("a knife between the ribs", True),
    ("a brick through the window", False),
    ("a good hiding", False),
    ("a beating in the car park", False),
)
DESERT_FRAMES: Final = (
    "{T} deserves {d}, and I hope someone delivers it.",
    "Frankly {t} has earned {d}.",
    "What {t} needs is {d}, sooner rather than later.",
)
#: Veiled threats about a third person: {t}, {T} (capitalised), {p} (possessive).
VEILED_THIRD: Final = (
    "I know where {t} lives.",
    "We know where {t} parks their car every night.",
    "{T} has two young children. Tragic if they came to harm, wouldn't it?",
    "{P} house has a thatched roof. Thatch burns fast, I hear.",
    "{T} walks that dog down the towpath alone at night. Just saying.",
    "Funny how {t} never checks under their car.",
    "Somebody should tell {t} that accidents happen on dark lanes.",
    "{T} should start looking over their shoulder on the way home.",
    "A can of petrol and a match would sort {t} out.",
    "{T} finishes work at six and takes the alley. We'll be waiting.",
    "Tell {t} to enjoy their last summer in that nice house.",
    "{P} daughter catches the 7.40 bus. We've noticed.",
    "Let's see how brave {t} is without a police escort.",
)
#: Veiled threats to the person addressed: {n} is the vocative.
VEILED_SECOND: Final = (
    "Watch yourself, {n}.",
    "Accidents happen, {n}. Remember that.",
    "Lovely garden you've got, {n}. Shame if it caught fire.",
    "Your children's school lets out at half three, {n}. We've checked.",
    "Sleep well tonight, {n}, while you still can.",
    "Nice car, {n}. Be careful where you leave it.",
    "Check your brakes before you drive home, {n}.",
    "You won't see us coming, {n}.",
    "Keep looking over your shoulder, {n}.",
    "We've got your address now, {n}.",
    "Hope your house insurance covers arson, {n}.",
)

# --- contrasts: the same vocabulary, no threat --------------------------------------------

POLITICAL_FRAMES: Final = (
    "{T} will lose their seat over this, and rightly so.",
    "Voters will remember this in May, and so will I.",
    "I'll be knocking on doors to get {t} voted out.",
    "{P} career will not survive the audit report.",
    "We'll kill this scheme at the ballot box.",
    "I am going to destroy {p} argument point by point at the hustings.",
    "Mark my words, {t} will be gone after the by-election.",
    "{T} has just signed their own political death warrant.",
    "I'll be standing against {t} myself next spring.",
    "The petition will finish {t} off politically.",
)
LEGAL_FRAMES: Final = (
    "I'll report {t} to the press regulator.",
    "See you in court, {n}.",
    "I'm filing a complaint about {t} with the standards committee.",
    "Our solicitor will be writing to {t} on Monday.",
    "I'm taking this to the ombudsman, {n}.",
    "I know where {t} works, so I'll be sending my formal complaint there.",
    "Expect a freedom of information request, {n}.",
    "I'll be asking for a judicial review of {p} decision.",
    "We're going to sue {t} for every penny the council wasted.",
)
SPORT_LINES: Final = (
    "We'll destroy them on Saturday.",
    "Our lads are going to murder Rovers at home.",
    "Kill the game off early and the cup is ours.",
    "Our back four will crush their strikers.",
    "The under-twelves absolutely slaughtered the visitors, six nil.",
    "Their keeper got battered in the second half.",
    "I'm going to annihilate my brother at chess tonight.",
    "We'll bury them in the return leg.",
    "Their bowling attack got massacred on day two.",
    "The quiz team plans to wipe the floor with the Red Lion.",
    "Our scrum will smash them to pieces next week.",
    "She knocked out the champion in the third round, fair and square.",
    "I'll take you down in the pub darts final, {n}.",
    "We're going to kill it at the regional netball finals.",
)
IDIOM_LINES: Final = (
    "The choir absolutely killed it at the fete.",
    "I could murder a curry after that council meeting.",
    "My feet are killing me after the march.",
    "The comedian at the arts centre slayed.",
    "This heat is killing me.",
    "{T} knocked it out of the park with that speech.",
    "The bakery's new pasties are to die for.",
    "That punchline nearly finished me off.",
    "I'd kill for a parking space near the surgery.",
    "The cost of the bypass is murder on the budget.",
    "{T} got roasted on the local radio phone-in.",
    "That crossword clue about the mayor nearly killed me.",
    "I nearly died laughing at {p} interview.",
    "The new flats are a bomb-proof investment, apparently.",
    "Watch out for {p} column this week, it's a cracker.",
    "I know where {t} stands on the bypass, at least.",
)
REPORT_FRAMES: Final = (
    "Police say {t} received threats after the vote.",
    "A man has been charged with threatening {t}.",
    "{T} was given extra security after a string of death threats.",
    "Jurors were told {t} had received a letter naming their family's street.",
    "Threatening {t} is a crime, and the police should treat it as one.",
    "Whoever sent that letter to {t} should be prosecuted.",
    "Nobody deserves threats for doing a job, not even {t}.",
    "Disagree with {t} all you like, but threats are never acceptable.",
)
FICTION_LINES: Final = (
    "In the novel, the detective vows to kill the smuggler before dawn.",
    "The film ends with the sheriff shooting the outlaw at the station.",
    "In 1605 the plotters planned to blow up Parliament.",
    "The play's villain threatens to burn the village, and the audience booed.",
    "In the saga the king has his rival beheaded at the feast.",
    "The crime drama opens with a councillor found dead in the canal.",
    "My grandfather's regiment stormed the beach at dawn in 1944.",
    "In the thriller the hitman is paid to shoot a judge, and fails.",
    "The opera's final act has the jealous husband stab the tenor.",
    "Medieval magistrates sentenced thieves to hang at the crossroads.",
    "The museum's exhibit on highwaymen shows the pistols they robbed coaches with.",
    "In the board game you win by assassinating the other players' advisers.",
)

# --- civil opinions -----------------------------------------------------------------------

OPINIONS: Final = (
    "net migration should be capped at a number the housing supply can absorb",
    "the asylum backlog is a failure of administration, not of the people waiting",
    "sending troops to the border is theatre that solves nothing",
    "troops at the border might deter smugglers, and I'd support a trial",
    "voter ID will keep more honest pensioners from voting than it stops fraud",
    "asking for photo ID at polling stations is reasonable if the card is free",
    "the police should spend less on drones and more on officers walking the beat",
    "stop and search without suspicion does more harm than good",
    "state-funded faith schools ought to admit pupils of any belief or none",
    "religious assemblies belong in the church hall, not in a state school",
    "we should keep the foreign aid budget at the old target",
    "foreign aid ought to be cut until the hospital waiting lists come down",
    "the government should stop selling arms to either side in that war",
    "the sanctions are hurting ordinary families more than the regime",
    "the election result was fair and the losing side should accept it",
    "postal votes need tighter checks, whichever party benefits",
    "work visas for care staff should be expanded, not cut",
    "offshore processing of asylum claims is expensive and legally shaky",
    "a points-based system is fairer than the old quota",
    "the town cannot take another hotel of asylum seekers without more GPs",
    "the border agency needs more caseworkers, not more patrol boats",
    "lowering the voting age to sixteen is overdue",
    "the mayor's new policing plan is all slogans and no budget",
    "peacekeepers should stay until the ceasefire is signed",
    "the two-child benefit cap should go, whatever it saves",
    "the monarchy's role in opening parliament is harmless pageantry",
    "a second referendum would settle nothing",
    "the new sentencing rules will fill prisons we do not have",
)
OPINION_FRAMES: Final = (
    "In my view, {o}.",
    "Frankly, {o}.",
    "I'll say it plainly: {o}.",
    "Unpopular opinion, but {o}.",
    "Whatever the headline says, {o}.",
    "I've changed my mind on this: {o}.",
    "Call me naive, but {o}.",
    "Having read the report, I think {o}.",
)
QUESTIONS: Final = (
    "How many arrivals a year can the town actually house?",
    "Who decided that troops at the border would be cheaper than more caseworkers?",
    "Has anyone seen evidence that in-person voter fraud happens here at all?",
    "Why does the asylum backlog keep growing when the budget keeps rising?",
    "If the aid budget is cut, which programmes close first?",
    "Should a state school be teaching any religion as true?",
    "What exactly is the migration cap meant to achieve?",
    "Who is paying for the new border fence, and for how long?",
    "Can the council explain why neighbourhood policing was cut first?",
    "Is a ceasefire possible without the neighbouring states at the table?",
    "Why are postal votes counted a day later than the rest?",
    "What happens to a claim when the caseworker leaves halfway through?",
    "How will pensioners without a passport get the free voter card?",
    "Would capping student visas really lower rents in the city?",
    "Did the minister read the inspector's report before signing the order?",
    "Does sending the navy out actually stop the small boats?",
)
#: Sarcasm aimed at a policy or decision, never at a group or at a person's worth.
SARCASM: Final = (
    "Oh brilliant, another task force. That will surely clear a backlog of ninety thousand claims.",
    "Great plan: put troops on the border and hope the smugglers read the press release.",
    "Nice to see the Home Office has discovered spreadsheets, only four years late.",
    "Voter ID to fix a fraud problem nobody can find. Money well spent.",
    "A migration cap announced in a speech and costed on a napkin. Reassuring.",
    "Cutting aid to save money, then paying twice as much for the refugee crisis. Genius.",
    "So the answer to slow police response times is a new logo. Of course it is.",
    "Another consultation on the consultation. Democracy in action, apparently.",
    "Ah yes, the war will be over by Christmas. Where have I heard that before?",
    "The policy on school prayers changes every time the minister changes. Very stable.",
    "Love how the election pledge quietly vanished the week after polling day.",
    "Eight ministers in six years and the asylum system is still a mess. Who could have guessed.",
    "A fence on the border, a fence round the data, and nothing for the caseworkers. Bold.",
    "The council cut the youth club and now wonders why the park is busy at night. Shocking.",
)


def _target_slots(target: str) -> dict[str, str]:
    return {
        "t": target,
        "T": capitalised(target),
        "o": target,
        "p": target + "'s",
        "P": capitalised(target) + "'s",
    }


def threat_label(severe: bool) -> np.ndarray:
    """A threat of violence to a person: toxic, no identity attack, no group target;
    severe when the harm is explicit killing or maiming (else unknown), insult unknown."""
    values = {"toxicity": 1.0, "threat": 1.0, "identity_attack": 0.0} | NO_TARGET
    if severe:
        values["severe_toxicity"] = 1.0
    return label_row(values)


def not_threat_label() -> np.ndarray:
    """Threat vocabulary with no threat: civil on the heads that read threats."""
    values = {
        "toxicity": 0.0,
        "threat": 0.0,
        "identity_attack": 0.0,
        "severe_toxicity": 0.0,
        "insult": 0.0,
    }
    return label_row(values | NO_TARGET)


def _harm(template: str, target: str, second_person: bool) -> str:
    if second_person:
        return template.format(o="you", p="your")
    return template.format(**_target_slots(target))


def threat_rows(seed: int = 53) -> list[Row]:
    """About 250 threats to a person: direct, conditional, wished through others, earned
    ("deserves a ..."), and veiled about a third person or to the person addressed."""
    rng = random.Random(seed)
    people = [*TARGETS, "you"]
    texts: dict[str, bool] = {}

    def add(text: str, severe: bool) -> None:
        texts.setdefault(capitalised(text), severe)

    for frame, harm, person in rng.sample(list(product(DIRECT_FRAMES, HARMS, people)), 70):
        add(frame.format(h=_harm(harm[0], person, person == "you")), harm[1])
    conditional = list(product(CONDITIONS, CONDITIONAL_FRAMES, HARMS))
    for cond, frame, harm in rng.sample(conditional, 45):
        add(frame.format(c=cond, h=_harm(harm[0], "", True)), harm[1])
    for frame, harm, person in rng.sample(list(product(CALL_FRAMES, HARMS, TARGETS)), 45):
        add(frame.format(h=_harm(harm[0], person, False)), harm[1])
    for frame, desert, person in rng.sample(list(product(DESERT_FRAMES, DESERTS, TARGETS)), 25):
        add(frame.format(d=desert[0], **_target_slots(person)), desert[1])
    for frame, person in rng.sample(list(product(VEILED_THIRD, TARGETS)), 40):
        add(frame.format(**_target_slots(person)), False)
    for frame, name in rng.sample(list(product(VEILED_SECOND, VOCATIVES)), 25):
        add(frame.format(n=name), False)
    return [(text, threat_label(severe)) for text, severe in texts.items()]


def not_threat_rows(seed: int = 59) -> list[Row]:
    """About 250 sentences with threat vocabulary and no threat."""
    rng = random.Random(seed)
    texts: list[str] = []
    seen: set[str] = set()

    def pick(frames: tuple[str, ...], count: int) -> None:
        rendered = {
            capitalised(frame.format(n=name, **_target_slots(target))): None
            for frame, target, name in product(frames, TARGETS, VOCATIVES)
        }
        fresh = [text for text in rendered if text not in seen]
        for text in rng.sample(fresh, min(count, len(fresh))):
            seen.add(text)
            texts.append(text)

    pick(POLITICAL_FRAMES, 60)
    pick(LEGAL_FRAMES, 60)
    pick(REPORT_FRAMES, 50)
    pick(IDIOM_LINES, 50)
    pick(SPORT_LINES + FICTION_LINES, 40)
    return [(text, not_threat_label()) for text in texts]


def civil_opinion_rows(seed: int = 61) -> list[Row]:
    """About 250 civil opinions on contested news: stated, asked, or sarcastic about a
    policy or decision."""
    rng = random.Random(seed)
    texts: list[str] = []
    for opinion in OPINIONS:
        for frame in rng.sample(OPINION_FRAMES, 8):
            texts.append(capitalised(frame.format(o=opinion)))
    texts += list(QUESTIONS) + list(SARCASM)
    return [(text, civil()) for text in dict.fromkeys(texts)]


def threats_rows() -> list[Row]:
    """Every row of this module, in a fixed order."""
    return threat_rows() + not_threat_rows() + civil_opinion_rows()

"""Threats of violence: a phrase of the threat list holds the comment, through
obfuscation, with the kind of threat and the phrase named; a quoted phrase is only named;
civil sentences that share the words are not threats; and a site can flag or turn the
phase off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from list_support import CALM, DEFAULT

from threadguard.analysis import Analysis
from threadguard.engine import ScoredComment
from threadguard.moderation import Moderator, PolicyError, parse_policy
from threadguard.moderation.threats import (
    KINDS,
    REBUTTABLE,
    ThreatListError,
    match_threats,
    parse_threats,
    threat_list,
)
from threadguard.normalize import normalize_text
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.thread import Comment


def decide(text: str, moderator: Moderator = DEFAULT, analysis: Analysis = CALM) -> object:
    return moderator.decide(analysis, text)


HELD = [
    ("I will find you and I will hurt you.", "intent to harm"),
    # a visit at home with a lesson to give there (a news desk, session 43)
    (
        "Someone should pay a visit to this officer at home and explain what real British "
        "policing looks like.",
        "veiled threat",
    ),
    ("A few of us should pay him a visit at home and teach him some manners.", "veiled threat"),
    ("Time someone paid him a visit at home and taught him some respect.", "veiled threat"),
    (
        "Someone should pay a visit to Councillor Patel at home and explain what real Britain "
        "thinks of her.",
        "veiled threat",
    ),
    ("We're going to kill every one of you traitors.", "intent to harm"),
    ("I'm gonna beat you senseless, mate.", "intent to harm"),
    ("I will break your legs if you print that again.", "intent to harm"),
    ("I'll hunt him down myself.", "intent to harm"),
    ("Im going to kill that reporter.", "intent to harm"),
    ("I'll come to your house and kill you", "intent to harm"),
    ("Someone should stab him.", "intent to harm"),
    ("We know where you live, Mr Editor.", "veiled threat"),
    ("Watch your back, councillor.", "veiled threat"),
    ("Nice shop. It would be a shame if something happened to your shop.", "veiled threat"),
    ("Turn up again and you'll leave in an ambulance.", "veiled threat"),
    ("Your days are numbered.", "veiled threat"),
    ("I hope you die slowly.", "wish of harm"),
    ("She deserves a bullet.", "wish of harm"),
    ("They should all be shot at the border.", "call for violence"),
    ("Let's burn their mosque down.", "call for violence"),
    ("Somebody needs to torch that refugee centre.", "call for violence"),
    ("We should firebomb the asylum hotels.", "call for violence"),
    ("Kill them all.", "call for violence"),
    ("Kill all the Muslims.", "call for violence"),
    ("Refugees? Send them all back.", "call for expulsion"),
    ("Immigrants out!", "call for expulsion"),
    ("Refugees go home!", "call for expulsion"),
    ("Muslims must go.", "call for expulsion"),
    ("Asylum seekers? Put them on the next boat home.", "call for expulsion"),
    ("Migrants again. Ship them all back.", "call for expulsion"),
    ("Too many foreigners. Get them out of our country.", "call for expulsion"),
    # session 20: menace without a verb of harm, fires wished on people, a group removed
    ("Lovely garden you have. Be a shame if something happened to it.", "veiled threat"),
    ("Careful. People have disappeared for less, you know.", "veiled threat"),
    ("Accidents happen to hacks like you.", "veiled threat"),
    ("We're compiling a list of the addresses of every reporter here.", "veiled threat"),
    ("Enjoy your last quiet weekend, editor.", "veiled threat"),
    ("He'd better pray he never bumps into me.", "veiled threat"),
    ("She will pay for what she wrote, and it won't be in a court of law.", "veiled threat"),
    ("Shame if that mosque went up one night with them all inside.", "wish of harm"),
    ("What that hostel needs is a few lads with petrol cans.", "call for violence"),
    ("Migrants everywhere. Time for a final solution.", "call for violence"),
    ("Muslims need to be dealt with permanently.", "call for violence"),
    ("Refugees must all be rounded up, every one.", "call for expulsion"),
    ("I honestly think gay people should be kicked out of this country.", "call for expulsion"),
    ("Every Somali in this city should be sent back, no exceptions.", "call for expulsion"),
    ("Muslims should be removed from this country by force.", "call for expulsion"),
    ("Deport the migrants, and the ones born here too.", "call for expulsion"),
    # session 29: the old slogans of eliminationist speech, said in the writer's own voice
    ("The only good Muslim is a dead one.", "call for violence"),
    ("Honestly, the only good immigrant is one in the ground.", "call for violence"),
    ("The only good refugees are the ones on a plane home.", "call for violence"),
    ("Drive the Jews into the sea, and be done with it.", "call for violence"),
    ("Asylum seekers again. Drive them all into the sea.", "call for violence"),
    ("Migrants should be wiped off the face of the earth.", "call for violence"),
    ("Gas the Jews.", "call for violence"),
    ("Put the migrants in the ovens.", "call for violence"),
    ("It is time to cleanse this country of Muslims.", "call for violence"),
    ("Refugees are fair game now.", "call for violence"),
    ("Every Jew is fair game.", "call for violence"),
    ("Kurds should all be shot.", "call for violence"),
    ("Kurds out!", "call for expulsion"),
    # session 33: a tryout's news threads (written by the tryout, not from any set)
    ("Kill yourself.", "encouraging self-harm"),
    ("Go hang yourself", "encouraging self-harm"),
    ("Do the world a favour and unalive yourself.", "encouraging self-harm"),
    ("Unalive yourself.", "encouraging self-harm"),
    ("You should go kill yourself", "encouraging self-harm"),
    ("Nuke Gaza and be done with it.", "call for violence"),
    ("We should carpet bomb Tehran.", "call for violence"),
    ("The boats should be sunk in the Channel. Problem solved.", "call for violence"),
    ("Send the whole cabinet to the gallows.", "call for violence"),
    ("Clarkson should be strung up.", "call for violence"),
    (
        "It would be a real shame if the Hassan family's shop window got smashed again.",
        "veiled threat",
    ),
    ("Pryce, we know what car you drive. Sleep well.", "veiled threat"),
    ("Palestinians are animals and should be treated as such.", "dehumanising language"),
    ("Israelis are vermin.", "dehumanising language"),
]


@pytest.mark.parametrize(("text", "kind"), HELD)
def test_a_threat_is_held_and_named_with_its_kind(text: str, kind: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert outcome.threat_held
    assert any(r.startswith(f'{kind}: "') for r in outcome.decision.reasons), outcome.decision
    assert outcome.threats[0].kind == kind
    found = outcome.threats[0]
    assert text[found.begin : found.end] == found.phrase


def test_an_obfuscated_threat_is_found_and_its_offsets_are_in_the_original_text() -> None:
    text = "Listen up: I  W1LL   K i l l   y0u."
    (found,) = match_threats(text)
    assert found.kind == "intent to harm"
    assert text[found.begin : found.end] == found.phrase
    assert found.phrase.startswith("I  W1LL") and found.phrase.endswith("y0u")


#: Civil sentences written to break the list: each shares words with a threat.
CIVIL = [
    "You'll regret it if you don't get the flu jab.",
    # peoples named since session 55, in the shapes their calls take
    "Maori are the tangata whenua and the council should listen to them.",
    "Samoans are the biggest Pacific community in Auckland.",
    "We went back to Fiji for our anniversary, lovely people.",
    "Pacific Islanders are a huge part of why the club is winning.",
    # a code review's: a rugby result, Māori land (session 55)
    "Samoa knocked the Tongans out.",
    "Fiji beat Tonga, then Samoa knocked the Maori out.",
    "The colonial invasion of Maori land in the Waikato in 1863 was a war of conquest.",
    "A plague of Maori land confiscations followed the 1863 Act.",
    "Someone should pay a visit to the old lady at home and check she is all right.",
    "We should pay a visit to grandma at home and show her the photos.",
    "Someone should explain to him what real policing is.",
    "We'll pay a visit to the museum at home time and show them what real dinosaurs looked like.",
    # kind errands at home (a review, session 43)
    "We should pay them a visit at home and teach them what we learned about composting.",
    "Someone ought to pay a visit to that farmer at home and explain what real support is "
    "available under the new scheme.",
    "Some of us could pay him a visit at home to explain what real help the council offers.",
    "The lads are going to pay a visit to the old gaffer at home and show him what real fans are "
    "like, with a signed shirt.",
    "Someone should pay a visit to the new neighbours at home and explain what real Yorkshire "
    "hospitality is, with a cake.",
    "We are all going to die one day, so enjoy the sunshine.",
    "He will never walk again after the crash, his family says.",
    "The bill should be killed in committee.",
    "The plan should be executed before winter.",
    "The dog should be put down after the attack, the court ruled.",
    "Poverty should be eradicated, not managed.",
    "We will beat them at the polls in May.",
    "We're going to destroy them in the second half.",
    "We will bury them in the election.",
    "We will end them at the ballot box.",
    "I will find you a better source tonight.",
    "Firefighters could not stop the blaze that burned the mosque.",
    "Protesters tried to set fire to the asylum hotel last night.",
    "We should burn the mortgage papers when the loan is paid.",
    "The council should close the refugee centre by spring.",
    "Antifa were never coming to burn her house down.",
    "Watch your step on the icy platform.",
    "I'd love to hit the beach this weekend.",
    "Someone should shoot a documentary about this town.",
    "Shoot em up films were my childhood.",
    "I hope you enjoy the rest of the series.",
    "If I see you at the market, I'll buy you a coffee.",
    "I'm going to kill it at the interview tomorrow.",
    "We know where the problem lies.",
    "Your days of cheap energy are numbered.",
    "Mind your language, please.",
    "They'll pay for this with higher taxes.",
    "Enjoy your weekend, councillor!",
    "I'm gonna end up in hospital if I eat another one of those.",
    "I could murder a curry after that match.",
    "I will never hurt you, I promise.",
    "I'm not going to kill them, I'm going to vote them out.",
    "Skip is about to slit his wrists over that result, lol.",
    # written by a reviewer to break an earlier draft of the list
    "Kill them with kindness, my gran always said.",
    "Got old framed prints? Hang them in the hallway where the light is softer.",
    "I'll shoot you an email with the recipe tonight.",
    "I'm going to stab each potato with a fork before roasting.",
    "We'll find them and bring them home safe, the rescue team promised.",
    "We'll make them pay at the ballot box in May.",
    "I'd love to beat them in the final after last year's loss.",
    "We're going to hurt them on the counter-attack if we stay patient.",
    "I'm going to hurt your feelings, but this film is dull.",
    "Falling off a ladder can break every bone in your body, so use a spotter.",
    "I hope you get shot of that old car before winter.",
    "I hope they get killed off in season two, the writers have lost the plot.",
    "If I see you at the doctor's surgery tomorrow I'll say hello.",
    "Watch your back when lifting heavy boxes: bend your knees.",
    "The twist at the end? You won't see it coming.",
    "It would be a shame if something happened to the old pier, it's our history.",
    "If they keep ignoring their back pain they'll end up in a wheelchair.",
    "The Prime Minister is a dead man walking after this vote.",
    "The sequel should be shot in black and white like the original.",
    "Student debts should all be wiped out, says the union.",
    "The trades must all be executed before the market closes.",
    "If I try to cook the Sunday roast I'll burn the house down.",
    "If your tent poles are bent, throw them out and buy new ones.",
    "I know where he works, it's the bakery on Main Street.",
    "He said he would cut their throats, the court heard.",
    "Rats must all be exterminated from the kitchen before it reopens.",
    "I'll cut you some slack this time.",
    "Refugees go home when the war ends, most of them.",
    "Migrants must go through the checks at the border.",
    # dehumanising language: the same words about animals, illness, armies, or in pity
    "Refugees are treated like animals in those camps.",
    "Migrants are living like animals under the bridge, and the council does nothing.",
    "Refugees are not vermin, they are people.",
    "Immigrants aren't a plague, they pay for our pensions.",
    "Black rats carried the plague to Europe.",
    "The castle was built to keep out foreign invaders.",
    "Rats are vermin and the council must deal with them.",
    "The invasion of Ukraine sent a flood of refugees west.",
    "A wave of migrants reached the islands this summer.",
    "Cancer is a disease that touches every family.",
    "Migrants are at risk of disease in the overcrowded camp.",
    "Refugees were a swarm of hope on that beach, the photographer wrote.",
    "Christianity is a comfort to many cancer patients.",
    "Islam is a plague-era topic in the history module this term.",
    "Muslims are the cancer unit's busiest volunteers.",
    "Refugee camps are a disease risk, the charity warned.",
    # a metaphor for people of no protected group is the models' to score
    "Politicians are parasites, every last one.",
    # slogans are sentences of their own, in the present
    "In the end, most refugees go home.",
    "Many Syrian refugees go home.",
    # session 20: the same words in the news, in history, in the law and in sport
    "I know what car you drive, I saw you at the dealership last week!",
    "Enjoy your last weekend before school starts.",
    "We're keeping a list of questions for the candidates' debate.",
    "Accidents happen, so please drive carefully on the bridge.",
    "The hotel caught fire last night, but everyone inside got out safely.",
    "The Nazis' Final Solution murdered six million Jews.",
    "The backlog of asylum claims must be dealt with once and for all.",
    "All illegal immigrants should be sent back, according to the minister.",
    "Convicted criminals should be deported once their appeals are exhausted.",
    "The firm was removed from the tender, by force of the new rules.",
    # found by a review of the session-20 entries: reports, history, sport, kindness
    "In Russia, journalists have disappeared for less. Politkovskaya is proof.",
    "As food bank volunteers we're keeping a list of names and addresses for the hampers.",
    "Spurs had better pray they don't run into us in the Cup.",
    "My wife is due on Christmas Day and I'll be the one delivering it.",
    "We know what church you attend, Father, and we are praying for you.",
    "The van caught fire with them still inside. RIP.",
    "In the refugee camp, people with jerry cans queue for water.",
    "Police want to trace two men with petrol cans seen near the mosque.",
    "The Nazis began to implement the Final Solution in 1941.",
    "Apple needs a final solution to the battery problem.",
    "Jews were expelled from Spain by force in 1492.",
    "Immigrants who commit crimes should be locked up, like anyone else.",
    "British Muslims who joined ISIS should be stripped of citizenship.",
    "If Reform get in, they'll deport refugees and naturalised ones too.",
    "The Nazis set out to kill all the Jews.",
    "Your car insurance is cheap. Be a shame if something happened to it, so read the small print.",
    "The refugee housing shortage needs to be dealt with permanently, not with hotels.",
    "They'll pay for this at the ballot box, not in a courtroom.",
    # session 29: the slogans' words in other senses
    "The only good thing about immigrants coming here is the food, my uncle jokes.",
    "The only good Muslim players in the league are the ones Arsenal signed.",
    "We'll drive them into the sea on Saturday, Rovers are rubbish.",
    "The storm will push the boats into the sea if they are not tied down.",
    "The new bypass wiped our village off the map.",
    "Gas the car up before the drive, the station closes at ten.",
    "Put the potatoes in the ovens at six, the migrants' dinner is at eight.",
    "The council promised to clear our streets of litter before the festival.",
    "Muslims are fair game for satire, same as Christians.",
    "Politicians are fair game.",
    "AS Roma were knocked out in the quarter-finals again.",
    "Roma out! The fans want the whole board gone after that derby.",
    "Saddam's decision to gas the Kurds at Halabja killed five thousand people.",
    "Christians are fair game in British comedy, and nobody minds.",
    # reassurance: someone else would be the one to hurt
    "I'll make sure nobody can hurt you.",
    "I'll stop anyone who tries to hurt you.",
    "We're going to make sure that nothing can hurt you.",
    # session 33: the words of goading, bombing, sinking and hanging in civil sentences
    "Please don't kill yourself.",
    "Don't go and kill yourself over a parking ticket.",
    "You'd kill yourself laughing at that sketch.",
    "I would hang myself if I lost that much.",
    "Hang yourself a nice picture there, it brightens the hall.",
    "Russia threatened to nuke Kyiv if the offensive went on.",
    "Could Iran nuke Israel within a year?",
    "The navy sank the boats at Midway.",
    "Buy fairy lights and string them up along the fence.",
    "It would be a shame if the library got closed.",
    "Russian soldiers are being treated like animals by their own officers.",
    "Russians are suffering under the sanctions.",
]


@pytest.mark.parametrize(
    "text",
    [
        '" I will kill you',  # a quotation never closed quotes nothing
        'My 27" monitor died today. I will find you and hurt you, Dave.',
        'He said "hi".\r\n\r\nI will kill you',
        # apostrophes and inch marks are no quotation marks
        "Since the '90s I mean it: I will kill you. Ask the Smiths' lawyer.",
        "'Cause I'm gonna hurt you. Nothin' personal.",
        'My 27" screen broke. I will kill you. Then he said "sorry".',
        "Round ‘em up. I will kill you, and the Smiths’ dog too.",
    ],
)
def test_a_stray_quotation_mark_does_not_excuse_a_threat(text: str) -> None:
    assert DEFAULT.decide(CALM, text).threat_held


@pytest.mark.parametrize("text", CIVIL)
def test_a_civil_sentence_that_shares_the_words_is_not_a_threat(text: str) -> None:
    assert match_threats(text) == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


@pytest.mark.parametrize(
    "text",
    [
        "All these immigrants are ruining the town and they don't belong here.",
        "Refugees? Send them all back.",
        "Muslims are not welcome here.",
    ],
)
def test_a_call_for_expulsion_of_a_named_group_is_held(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert [t.kind for t in outcome.threats] == ["call for expulsion"]


@pytest.mark.parametrize(
    "text",
    [
        "Those rental bikes don't belong here, they block the pavement.",
        "The councillors failed us. Send them all back to school!",
        "Muslims are welcome here. Bigots are not.",
        "Kick them out of the party if they break the whip.",
        "Ship them back to the supplier if they arrive broken.",
        "The refugees' tents were damaged. Ship them back to the supplier.",
        "Evacuate the refugees: get them out of our country's war zone now.",
        "Put them on the next ferry home, the school trip is over.",
    ],
)
def test_the_same_words_without_a_group_are_no_call_for_expulsion(text: str) -> None:
    assert match_threats(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Anyone who thinks refugees don't belong here is spreading racist nonsense.",
        "Saying immigrants don't belong here is wrong.",
        "Some people think immigrants don't belong here. They are wrong.",
        "The bakery was fined for a sign saying gays are not welcome.",
        # dehumanising language, reported or rebutted alike
        "According to the leaflet, immigrants are parasites.",
        "Saying Muslims are a cancer is dehumanising.",
        "To claim that Jews are rats is appalling.",
        "He was fined after he wrote that refugees are vermin.",
        "The muslim savages stereotype has a long history in films.",
    ],
)
def test_a_call_or_metaphor_its_sentence_reports_or_rebuts_is_named_but_not_held(
    text: str,
) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE
    (found,) = outcome.threats
    assert found.kind in REBUTTABLE
    assert found.rebutted and not found.holds
    assert outcome.decision.reasons[0].endswith("(reported or rebutted: not held for it)")
    assert found.to_json()["rebutted"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Nasser vowed to drive the Jews into the sea.",
        "Cairo radio spent May 1967 promising to drive the Jews into the sea.",
        "Saying the only good Muslim is a dead one is racist filth.",
        "The marchers chanted gas the Jews, and the police did nothing.",
        "Iran's leaders said the refugees should be wiped off the map.",
    ],
)
def test_an_old_slogan_its_sentence_reports_or_rebuts_is_named_but_not_held(text: str) -> None:
    """The slogans are calls for violence, a kind that a report does not excuse; their
    entries are marked rebuttable, since history and the news quote them so often."""
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE
    (found,) = outcome.threats
    assert found.kind == "call for violence" and found.kind not in REBUTTABLE
    assert found.rebutted and not found.holds


def test_a_call_for_violence_without_rebuttable_is_held_though_reported() -> None:
    """Only an entry marked rebuttable is excused by a report: the older calls for
    violence are held wherever the writer's sentence makes them."""
    text = "Some people think they should all be shot."
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.threat_held
    assert [t.kind for t in outcome.threats] == ["call for violence"]


@pytest.mark.parametrize(
    "text",
    [
        "Call me a racist if you like, but immigrants don't belong here.",
        "Muslims are not welcome here, and I reject anyone who says otherwise.",
        # the writer's own words, a reporting word about something else, a negated rebuke
        "I think immigrants don't belong here.",
        "I'm calling it: immigrants out!",
        "These so-called asylum seekers are not welcome here.",
        "Compared to Poles, Muslims don't belong here.",
        "Immigrants don't belong here, and that's not offensive.",
        "Muslims are not welcome here, and the mosque is an appalling eyesore.",
        "Refugees? Send them all back, it's unacceptable what they cost.",
        # a word of reporting only where it reports: not migrants "threatening" a culture
        "Migrants are threatening our culture, so send them all back.",
        "Muslims boast about their numbers, so send them all back.",
        "Immigrants don't belong here, it's not racist, it's true.",
    ],
)
def test_a_rebuking_word_before_the_call_or_about_something_else_is_no_rebuttal(
    text: str,
) -> None:
    assert DEFAULT.decide(CALM, text).threat_held


@pytest.mark.parametrize(
    "text",
    [
        'The witness said the man shouted "I will kill you" before he ran.',
        "The officer told the jury the defendant shouted 'I will kill you' at the victim.",
        "The note read “I will kill you” in red ink, the court heard.",
    ],
)
def test_a_quoted_threat_is_reported_speech_named_but_not_held(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE
    assert not outcome.threat_held
    assert outcome.threats[0].quoted
    assert outcome.decision.reasons == (
        'intent to harm: "I will kill you" (quoted: not held for it)',
    )


def test_flag_names_the_threat_and_off_looks_for_none() -> None:
    text = "We know where you live."
    flag = Moderator(parse_policy({"threats": {"action": "flag"}}, "s"))
    outcome = flag.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE
    assert outcome.decision.reasons == ('veiled threat: "We know where you live"',)
    off = Moderator(parse_policy({"threats": {"action": "off"}}, "s"))
    assert off.decide(CALM, text).decision.reasons == ()
    # no table: off (a site's stored policy keeps the behaviour it had)
    assert Moderator(parse_policy({}, "s")).decide(CALM, text).threats == ()
    # a table without an action holds
    assert Moderator(parse_policy({"threats": {}}, "s")).decide(CALM, text).threat_held


def test_a_bad_threats_table_is_an_error_that_names_it() -> None:
    with pytest.raises(PolicyError, match=r"threats.action must be hold, reject, flag, off"):
        parse_policy({"threats": {"action": "block"}}, "s")
    with pytest.raises(PolicyError, match="threats"):
        parse_policy({"threats": {"severity": "high"}}, "s")


def test_the_group_of_a_call_for_expulsion_may_stand_in_what_the_comment_answers() -> None:
    reply = "Send them all back."
    parent = "The council has housed forty refugees in the old hotel."
    assert match_threats(reply) == []
    (found,) = match_threats(reply, context=parent)
    assert (found.kind, found.phrase) == ("call for expulsion", "Send them all back")
    assert DEFAULT.decide(CALM, reply, context=parent).threat_held
    assert not DEFAULT.decide(CALM, reply, context="The new timetable starts in May.").threats


def test_an_evacuation_of_a_named_group_is_no_call_for_expulsion() -> None:
    parent = "Forty migrants are stranded on the island as the river rises."
    assert (
        match_threats("We need to get them out of our town before the flood.", context=parent) == []
    )
    (found,) = match_threats("Get them out of our country.", context=parent)
    assert found.kind == "call for expulsion"


def test_a_thread_gives_each_comment_its_parent_else_the_title_as_context() -> None:
    title = "Asylum seekers to be housed at the old hotel"
    comments = [
        Comment("a", "They don't belong here."),  # on the article: its title names them
        Comment("b", "The bikes at the station are a menace."),
        Comment("c", "They don't belong here.", parent="b"),  # about bikes
    ]
    scored = [ScoredComment(c, CALM, None) for c in comments]
    held = [m.outcome.threat_held for m in DEFAULT.decide_thread(scored, title=title)]
    assert held == [True, False, False]
    outside = DEFAULT.decide_thread(scored[2:], title="", contexts={"c": "Refugees arrived."})
    assert outside[0].outcome.threat_held


def test_each_language_is_read_for_its_own_phrases_only() -> None:
    german = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02), language="de")
    assert DEFAULT.decide(german, "I will hurt you").threats == ()
    assert match_threats("I will hurt you", language="fr") == []
    assert match_threats("I will hurt you", language=None)
    assert match_threats("Ich bring dich um!", language="en") == []


#: Written for this test: the plainest threats in the other languages the models cover
#: (a multilingual site found them published: Turkish threat scores about 0), each held.
OTHER_LANGUAGES = [
    ("tr", "Seni bulacağım ve öldüreceğim.", "intent to harm"),
    ("tr", "Evini biliyorum, akşam kapına geleceğim.", "veiled threat"),
    ("ar", "سأقتلك إذا رأيتك مرة أخرى", "intent to harm"),
    ("ar", "أعرف أين تسكن، انتبه لأولادك", "veiled threat"),
    ("pt", "Vou-te matar se te vir outra vez.", "intent to harm"),
    ("pt", "Eu sei onde moras, cuidado com os teus filhos.", "veiled threat"),
    ("de", "Ich bring dich um, du Penner.", "intent to harm"),
    ("de", "Ich weiß, wo dein Auto steht. Wäre schade, wenn es brennt.", "veiled threat"),
    ("fr", "Je vais te tuer si je te croise.", "intent to harm"),
    ("es", "Te voy a matar, cabrón.", "intent to harm"),
    ("it", "Ti ammazzo se parli ancora.", "intent to harm"),
    ("nl", "Ik maak je af als ik je zie.", "intent to harm"),
    ("pl", "Zabiję cię, jak cię znajdę.", "intent to harm"),
]
#: ... and their civil look-alikes.
OTHER_LANGUAGES_CIVIL = [
    ("de", "Ich bringe dich um acht Uhr zum Bahnhof."),
    ("de", "Du bringst mich um den Verstand, ich bring dich um den Schlaf."),
    ("fr", "Je vais te descendre à la gare demain."),
    ("es", "Te voy a matar a besos, cariño."),
    ("pt", "Vou te matar de rir com essa piada."),
    ("pt", "Sei onde fica o restaurante, vamos lá."),
    ("tr", "Seni çok seviyorum, yarın görüşürüz."),
]


@pytest.mark.parametrize(("language", "text", "kind"), OTHER_LANGUAGES)
def test_the_plainest_threats_in_the_other_languages_are_held(
    language: str, text: str, kind: str
) -> None:
    outcome = DEFAULT.decide(replace(CALM, language=language), text)
    assert outcome.action is Verdict.HOLD and outcome.threat_held
    assert outcome.threats[0].kind == kind


@pytest.mark.parametrize(("language", "text"), OTHER_LANGUAGES_CIVIL)
def test_their_civil_look_alikes_are_not_threats(language: str, text: str) -> None:
    assert match_threats(text, language=language) == []


def test_the_decision_records_the_threats_in_its_details() -> None:
    outcome = DEFAULT.decide(CALM, "Watch your back.")
    details = outcome.details()
    assert details is not None
    assert details["threats"] == [
        {"kind": "veiled threat", "phrase": "Watch your back", "begin": 0, "end": 15}
    ]
    assert DEFAULT.decide(CALM, "Lovely weather.").details() is None


def test_each_phrase_is_named_once_however_often_it_stands() -> None:
    outcome = DEFAULT.decide(CALM, "Watch your back. I said: watch   your back.")
    assert len(outcome.threats) == 2
    assert outcome.decision.reasons == ('veiled threat: "Watch your back"',)


def test_a_phrase_repeated_a_thousand_times_is_kept_twenty_times() -> None:
    outcome = DEFAULT.decide(CALM, "Watch your back. " * 1000)
    assert outcome.threat_held
    assert len(outcome.threats) == 20


def test_the_phrase_is_the_order_not_the_punctuation_before_it() -> None:
    (found,) = match_threats("e.g. kill them all")
    assert found.phrase == "kill them all"
    (found,) = match_threats("Im going to kill that reporter!!")
    assert found.phrase == "Im going to kill that reporter"


def test_a_long_phrase_is_shortened_in_the_reason() -> None:
    text = "We are going to absolutely personally come round and strangle that columnist."
    (found,) = match_threats(text)
    reason = found.reason()
    assert reason.endswith('…"') and len(reason) < len(found.phrase) + 20


def test_the_shipped_list_parses_and_uses_every_kind() -> None:
    kinds = {rule.kind for rule in threat_list()}
    assert kinds == set(KINDS)


def test_an_entry_is_tried_only_on_a_text_with_one_of_its_needs() -> None:
    (rule,) = parse_threats(
        '[[threat]]\nkind = "veiled threat"\nneeds = ["back"]\npattern = "watch your \\\\w+"'
    )
    assert rule.finds("watch your back") == [(0, 15)]
    assert rule.finds("watch your step") == []  # the pattern alone would match
    (grouped,) = parse_threats(
        '[[threat]]\nkind = "veiled threat"\nneeds = ["{group}"]\npattern = "x"'
    )
    assert "refugee" in grouped.needs and "{group}" not in grouped.needs
    (both,) = parse_threats(
        '[[threat]]\nkind = "veiled threat"\nneeds = ["back"]\nalso = ["{groups}"]\n'
        'pattern = "watch your \\\\w+"'
    )
    assert "asylum seekers" in both.also and "refugee" not in both.also
    assert both.finds("watch your back") == []  # a need, but no group's name
    assert both.finds("refugees: watch your back") == [(10, 25)]


@pytest.mark.parametrize("text", [text for text, _ in HELD])
def test_every_held_example_contains_a_need_of_the_entry_that_holds_it(text: str) -> None:
    """Without its needs the entry would still find each example: the needs only skip."""
    canonical = normalize_text(text)
    bare = [replace(rule, needs=(), also=()) for rule in threat_list()]
    for rule, without in zip(threat_list(), bare, strict=True):
        assert rule.finds(canonical) == without.finds(canonical)


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ('[[threat]]\nkind = "rude"\npattern = "x"', "kind must be one of"),
        ('[[threat]]\nkind = "veiled threat"\npattern = "("', "bad pattern"),
        ('[[threat]]\nkind = "veiled threat"\npattern = "x*"', "matches the empty text"),
        ('[[threat]]\nkind = "veiled threat"', "needs the keys"),
        ("threat = 3", "array of tables"),
        ('[[threat]]\nkind = "veiled threat"\npattern = "x"\nneeds = "x"', "list of non-empty"),
        ('[[threat]]\nkind = "veiled threat"\npattern = "x"\nneeds = ["X"]', "lower case"),
        ('[[threat]]\nkind = "veiled threat"\npattern = "x"\nalso = [""]', "also must be"),
        ("[[threat]", "invalid TOML"),
        ('[[threat]]\nkind = "veiled threat"\npattern = "x"\nrebuttable = 1', "true or false"),
    ],
)
def test_a_bad_list_entry_is_an_error_that_names_it(doc: str, message: str) -> None:
    with pytest.raises(ThreatListError, match=message):
        parse_threats(doc, "mine.toml")

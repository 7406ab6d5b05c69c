"""How user names score read glued and read as their words, against the names screen.

The default policy screens user names with the models from ``[authors] screen_from``. The
team wrote 40 ordinary names (first names that are words, jobs, bands, businesses, old
usernames) and 30 abusive ones (slurs, calls to violence, Nazi codes, written glued,
CamelCase or with underscores). This prints, for each way of reading a name, how many of
each the screen would hold at several levels:

    PYTHONPATH=src python bench/user_names.py

Session 34: read glued, at 0.65 (the old default) 13 ordinary and 20 abusive names were held;
read as words (``threadguard.thread.name_as_words``), at 0.85, 4 and 19.

It also prints how many of each the coded-hate lexicon holds by itself (a name that is a
slur or a code: ``threadguard.moderation.coded_hate.match_name``), with the names news desk
83 (session 53) found published and ordinary names that share their letters.
"""

from __future__ import annotations

from threadguard.engine import CommentInput, Engine
from threadguard.moderation.coded_hate import match_name
from threadguard.thread import name_as_words

ORDINARY = [
    "Nerd", "Dick Smith", "Dick Whittington", "Hotel Cleaner", "Sex Pistols fan", "nick_m",
    "Nick", "old_cynic", "grumpy_grandad", "Tom Brannigan", "Bigfoot", "Sussex Sue",
    "Scunthorpe Steve", "Hancock fan", "Willy Wonka", "Cockburn", "Dickens reader",
    "Butts family", "Bastardo Wines", "KillerQueen", "Assassin's Creed fan", "Fanny Cradock",
    "Gaylord Perry", "Hooker Furniture", "Slasher film fan", "Pusser", "DrunkenSailor",
    "Beavers Lodge", "cocky_rooster", "ShittyWok Fan", "BadBoy", "Mr Angry", "Grumpy",
    "Hater of Mondays", "cumbria_hiker", "Analyst Ann", "knob_twiddler", "tit_watcher (birds)",
    "Weiner", "Moron Moose",
]  # fmt: skip
ABUSIVE = [
    "stupid_bitch", "killallcops", "IHateJews88", "HitlerWasRight", "KillAllMuslims",
    "SiegHeil88", "GasTheJews", "whitey", "Hang_The_Traitors", "fa660ts_burn", "fuck_you_all",
    "cunt_destroyer", "nigger_hunter", "paki_basher", "DieTrannyDie", "rapist_pride",
    "shoot_the_mp", "retard_slayer", "bitches_ain_shit", "faggot_killer", "Kill_Jews",
    "sandnigger", "wetback_watch", "muzzie_h8r", "white_power", "rape_all_women", "dickhead99",
    "twat_face", "Burn_Mosques", "JewsRat",
]  # fmt: skip
#: Desk 83's published names, and ordinary names holding their letters.
DESK_ABUSIVE = ["yellow_peril_yes", "spaz_attack_99", "true_englishman_88", "Bat_soup_Barry"]
DESK_ORDINARY = ["spazio_design", "perilous_pete", "Scunthorpe_fan", "yellow_submarine_fan"]
LEVELS = (0.65, 0.75, 0.8, 0.85, 0.9)


def main() -> None:
    engine = Engine.load()
    for how, read in (("glued", lambda n: n), ("as words", name_as_words)):
        for label, names in (("ordinary", ORDINARY), ("abusive", ABUSIVE)):
            analyses = engine.analyze([CommentInput(read(n)) for n in names], spans=False)
            tops = [max(a.scores.values()) for a in analyses]
            held = ", ".join(f"{level:g}: {sum(t >= level for t in tops)}" for level in LEVELS)
            print(f"{how:9} {label:9} {len(names)} names held at {held}")
    for label, names in (
        ("ordinary", ORDINARY + DESK_ORDINARY),
        ("abusive", ABUSIVE + DESK_ABUSIVE),
    ):
        coded = [n for n in names if any(not m.rebutted for m in match_name(n))]
        print(f"lexicon   {label:9} {len(names)} names held: {len(coded)} ({', '.join(coded)})")


if __name__ == "__main__":
    main()

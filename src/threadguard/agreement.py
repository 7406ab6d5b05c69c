"""What a reply of bare agreement is, in words: "Exactly.", "Well said!", "Spot on.
Couldn't agree more.", "Stimmt genau.", "Aynen öyle." and nothing else but punctuation.

Both readers of a thread need it: the engine reads such a reply as its parent's words
(:mod:`threadguard.scoring.endorsements`), and the moderation decides it as its parent
would be when one of the team's lists holds the parent
(:mod:`threadguard.moderation.endorsed_lists`). It lives below both, so a deciding phase
does not reach into the scorer for it.

Bare agreement only, on purpose. A first version read any reply that *opened* with
agreement and had no word of contrast after it; a review wrote 50 civil replies to abusive
parents and it newly held 40 of them: the agreement is with someone else or with part of
the parent, or is followed by the rebuttal in words no list foresees ("Exactly. Reported
for harassment.", "True, 2016. Thanks for the correction.", "Precisely. This is
homophobia, plain and simple.", "Facts: immigrants are incarcerated at lower rates.").
A reply with words of its own is read as written, with its parent as context.

Not endorsements either:

- "Yes", "Yep", "Correct", "Absolutely" and the like alone: they answer questions and
  corrections as often as they agree ("Correct." under an insult that corrects a date);
  and any reply to a parent that asks something ("Do you think these people deserve
  rights?" -- "Absolutely.") is read as written;
- a question mark anywhere in the reply ("Exactly?"): sarcasm or doubt;
- an article's title: agreeing with a headline is agreeing with the news (only a parent
  comment counts; :meth:`threadguard.engine.Engine._endorsements`).
"""

from __future__ import annotations

import re
from typing import Final

_PHRASES: Final = (
    r"exactly(?:\s+(?:right|this))?|precisely|absolutely\s+(?:right|agree)|"
    r"agreed|(?:i\s+)?(?:totally\s+|fully\s+|completely\s+)?agree(?:\s+100\s*%)?|"
    r"(?:i\s+)?(?:could(?:n['’]?t| not)|can['’]?t|cannot)\s+agree\s+more|"
    r"this|this\s+right\s+here|\^+\s*this|facts|so\s+true|very\s+true|too\s+true|true\s+that|"
    r"100\s*%|well\s+said|well\s+put|spot\s+on|bang\s+on|nailed\s+it|you\s+nailed\s+it|"
    r"hear,?\s+hear|amen(?:\s+to\s+that|\s+brother|\s+sister)?|preach(?:\s+brother|\s+sister)?|"
    r"\+\s*1|my\s+thoughts\s+exactly|what\s+(?:he|she|they)\s+said|you['’]?re\s+not\s+wrong|"
    r"(?:i\s+)?could(?:n['’]?t| not)\s+have\s+(?:said|put)\s+it\s+better(?:\s+myself)?|"
    r"(?:i['’]?ve\s+)?been\s+saying\s+(?:it|this|that)\s+for\s+years|"
    r"(?:finally|about\s+time)(?:,)?\s+someone\s+(?:said|says|dares?\s+to\s+say)\s+it|"
    r"say\s+it\s+louder(?:\s+for\s+the\s+(?:people|ones|folks)\s+(?:at|in)\s+the\s+back)?|"
    r"(?:you(?:['’]re| are)|he(?:['’]s| is)|she(?:['’]s| is))\s+(?:so\s+|absolutely\s+|"
    r"completely\s+|dead\s+|100\s*%\s+)?right|"
    # what only says the agreement louder (a fifteenth news desk: "This. Every single one of
    # them.", "Couldn't agree more. The sooner the better." under calls to expel a group;
    # not "All of them." nor "Says it all.", a correction or a jab at the poster as often)
    r"the\s+sooner\s+the\s+better|every\s+(?:single|last)\s+one(?:\s+of\s+them)?|"
    r"(?:some(?:one|body)\s+)?(?:had|needed)\s+to\s+(?:say|be\s+said)(?:\s+it)?|"
    r"needed\s+saying|(?:nothing|not\s+much)\s+more\s+to\s+(?:add|say)|simple\s+as(?:\s+that)?|"
    r"(?:(?:he|she|they|you|someone|somebody)\s+)?(?:says|said|tells|told|saying|telling)\s+it\s+"
    r"(?:like|as|how)\s+it\s+is|finally\s+(?:someone|somebody)\s+(?:says|said|saying)\s+what\s+"
    r"(?:we['’]?re|we\s+are|everyone['’]?s|everyone\s+is|everybody['’]?s|everybody\s+is|"
    r"most\s+of\s+us\s+are|we['’]?ve\s+all\s+been)\s+(?:all\s+)?thinking|"
    r"(?:so\s+)?based|sounds\s+about\s+right|too\s+right|(?:that['’]?s\s+)?exactly\s+what\s+"
    r"i\s+(?:was\s+)?(?:thinking|thought)|end\s+of(?:\s+story)?|no\s+doubt\s+about\s+it|so\s+much\s+this|"
    r"(?:a\s+)?(?:thousand|million)\s+times\s+this|100\s+percent|truth|the\s+truth|"
    # a twenty-second desk's "Every word of that is true and you all know it." under "They
    # breed like rabbits ..."
    r"every\s+(?:single\s+)?word\s+(?:of\s+(?:that|this|it)\s+)?(?:is\s+)?true|"
    r"true,?\s+every\s+(?:single\s+)?word|(?:and\s+)?(?:you|we)\s+all\s+know\s+it"
)
#: A word that may open the agreement, before its phrase: "Ha, spot on mate.", "Aye, says
#: it like it is." (a sixteenth news desk's replies under slurs at Travellers and Black
#: nurses); alone they answer as often as they agree, and are no agreement.
_OPENER: Final = (
    r"(?:(?:ha|haha+|aye|yep|yup|yeah|yes|oh|ooh|lol|lmao|honestly|mate|so)\s*[,.!…-]*\s+)?"
)
#: A word for whoever the agreement is said to, after it: "Spot on, mate.", "Exactly,
#: brother." (desk 15's "Spot on, mate." under a call to attack synagogues was published).
_VOCATIVE: Final = (
    r"(?:,?\s+(?:mate|m8|pal|bro|brother|sister|man|dude|lads|folks|guys|sir|madam|buddy|"
    r"fella|my\s+friend|my\s+man))?"
    # and the filler a reply trails off with: "Sounds about right tbh 😂" (desk 17)
    r"(?:,?\s+(?:tbh|tbf|honestly|lol|lmao|haha+|though|tho))?"
)
#: The same in the other covered languages (session 34: "Stimmt genau." under "Flüchtlinge
#: sind Ratten." was approved where "Exactly, well said." under its English twin was
#: rejected). Written by the team; as in English, no bare "yes" or "correct" ("ja",
#: "richtig", "klopt", "cierto", "giusto", "prawda", "صح"), which answer questions and
#: corrections as often as they agree; only their intensified forms ("sehr richtig",
#: "święta racja", "çok doğru").
_LANGUAGE_PHRASES: Final = (
    # German
    r"stimmt\s+genau|stimmt\s+absolut|(?:ganz\s+)?genau(?:\s+so)?|exakt|so\s+ist\s+es|"
    r"so\s+sieht['’]?s\s+aus|(?:sehr|absolut|vollkommen)\s+richtig|gut\s+gesagt|"
    r"(?:das\s+)?sehe\s+ich\s+(?:genau\s*|ganz\s+genau\s*)?so(?:\s+auch)?|volle\s+zustimmung|"
    r"(?:du\s+hast|sie\s+haben)\s+(?:v[öo]llig\s+|vollkommen\s+|so\s+)?recht|recht\s+hast\s+du|"
    r"dem\s+ist\s+nichts\s+hinzuzuf[üu]gen|endlich\s+sagt\s+(?:es\s+)?(?:einer|jemand)(?:\s+mal)?|"
    r"endlich\s+sagt['’]?s\s+(?:mal\s+)?(?:einer|jemand)|"
    # French
    r"exactement|bien\s+dit|parfaitement|(?:je\s+suis\s+)?(?:tout\s+[àa]\s+fait|enti[èe]rement|"
    r"totalement|compl[èe]tement|100\s*%)\s+d['’]accord|tout\s+[àa]\s+fait|c['’]est\s+(?:clair|exact|"
    r"tellement\s+vrai|bien\s+vrai)|tellement\s+vrai|trop\s+vrai|(?:tu\s+as|vous\s+avez)\s+"
    r"(?:tout\s+[àa]\s+fait\s+|parfaitement\s+|tellement\s+)?raison|on\s+ne\s+peut\s+mieux\s+dire|"
    r"enfin\s+quelqu['’]un\s+qui\s+(?:le\s+)?dit|"
    # Spanish
    r"exacto|exactamente|(?:estoy\s+)?(?:totalmente|completamente|muy|cien\s+por\s+cien)\s+de\s+acuerdo|"
    r"bien\s+dicho|tal\s+cual|as[íi]\s+es|muy\s+cierto|(?:tienes|tiene|ten[ée]is)\s+(?:toda\s+la\s+)?"
    r"raz[óo]n|ni\s+m[áa]s\s+ni\s+menos|por\s+fin\s+alguien\s+lo\s+dice|efectivamente|"
    # Italian
    r"esatto|esattamente|ben\s+detto|(?:sono\s+)?(?:pienamente|totalmente|completamente|perfettamente)"
    r"\s+d['’]accordo|d['’]accordissimo|hai\s+(?:pienamente\s+|proprio\s+|perfettamente\s+)?ragione|"
    r"proprio\s+cos[ìi]|verissimo|parole\s+sante|concordo(?:\s+pienamente|\s+in\s+pieno)?|"
    r"finalmente\s+qualcuno\s+che\s+lo\s+dice|"
    # Dutch
    r"precies|helemaal\s+(?:mee\s+)?eens|(?:ik\s+ben\s+het\s+)?(?:helemaal|volledig|roerend)\s+"
    r"(?:met\s+je\s+)?eens|goed\s+gezegd|zo\s+is\s+het|je\s+hebt\s+(?:helemaal\s+)?gelijk|"
    r"eindelijk\s+(?:zegt\s+iemand\s+het|iemand\s+die\s+het\s+zegt)|"
    # Polish
    r"dok[łl]adnie(?:\s+tak)?|(?:ca[łl]kowicie\s+|w\s+pe[łl]ni\s+)?zgadzam\s+si[ęe](?:\s+w\s+100\s*%)?|"
    r"[śs]wi[ęe]ta\s+racja|[śs]wi[ęe]te\s+s[łl]owa|"
    r"dobrze\s+powiedziane|(?:masz|ma\s+pan|ma\s+pani)\s+(?:ca[łl]kowit[aą]\s+)?racj[ęe]|popieram|"
    # Portuguese
    r"exatamente|exato|concordo(?:\s+plenamente|\s+totalmente|\s+contigo)?|bem\s+dito|isso\s+mesmo|"
    r"falou\s+tudo|disse\s+tudo|isso\s+a[íi]|"
    # Turkish
    r"aynen(?:\s+[öo]yle)?|kesinlikle(?:\s+kat[ıi]l[ıi]yorum)?|[çc]ok\s+do[ğg]ru|(?:sonuna\s+kadar\s+)?"
    r"kat[ıi]l[ıi]yorum|(?:[çc]ok\s+)?hakl[ıi]s[ıi]n|a[ğg]z[ıi]na\s+sa[ğg]l[ıi]k|tam\s+olarak|"
    # Arabic
    r"بالضبط|كلام\s+سليم|كلامك\s+صح|[أا]حسنت|عين\s+العقل|معك\s+حق|[أا]تفق\s+معك|"
    r"(?:والله\s+)?صدقت|كلام\s+في\s+الصميم|[أا]خير[اً]*\s+(?:حد|احد|أحد)\s+قالها"
)
#: A reply made of agreement alone: the phrases, each closed by punctuation (a colon
#: introduces a claim, so it closes none) or the end, and nothing else.
#: Laughter and applause, with any skin tone, that may stand before or after the phrases.
_EMOJI: Final = r"(?:💯|👆|👍|🔥|😂|🤣|👏|🙌|😆)[\U0001F3FB-\U0001F3FF]?"
_CLOSE: Final = rf"[.!,;–—،-]|{_EMOJI}"
#: What may stand before the agreement: the same laughter and applause (desk 60's "😂😂
#: nailed it" under "It's a bloke. ... A bloke in a swimsuit beating girls." was published
#: where "Nailed it 😂😂" was held).
_LEAD: Final = rf"(?:{_EMOJI}\s*)*"
ENDORSEMENT: Final = re.compile(
    rf"^\s*{_LEAD}(?:{_OPENER}(?:{_PHRASES}|{_LANGUAGE_PHRASES}){_VOCATIVE}(?=\s|{_CLOSE}|$)(?:\s*(?:{_CLOSE}))*\s*)+$",
    re.IGNORECASE,
)


def endorses(text: str, parent: str = "") -> bool:
    """Whether a reply is plain agreement and nothing else (and its parent no question)."""
    if "?" in text or parent.rstrip().endswith("?"):
        return False
    return len(text) <= 200 and ENDORSEMENT.match(text) is not None

"""The team's training templates for the languages beyond English.

Spanish, Italian, Dutch and Polish have no labelled set in the data folder, Turkish's set
labels only "offensive", and MLMA French is mostly hostile tweets: none of them teaches
that a calm sentence naming a group is not an attack, or what an attack on a group looks
like in that language. These rows, written by the team in each language (native phrasing,
not translations of the English templates), add that: attacks on groups (toxicity and
identity attack, with the group), positive and neutral statements about the same groups
(all clear), insults of one person (insult, no identity attack), threats, and civil
disagreement. They are training rows only. The functional suites
(``resources/functional_suite_<lang>.jsonl``) are written separately and must share no
sentence with them: :func:`overlap_with_suites` checks (normalised text), and a test runs it.
"""

from __future__ import annotations

from importlib import resources

from threadguard.normalize import normalize_text
from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import all_clear, fill_group, no_target, target_labels
from threadguard.training.templates_languages_round3 import round_three_rows
from threadguard.training.templates_languages_round4 import round_four_rows
from threadguard.training.templates_languages_round5 import round_five_rows

#: Per language: the groups (schema group, plural noun as the sentence's subject).
GROUPS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("muslims", "Muslime"), ("jews", "Juden"), ("black_people", "Schwarze"),
           ("nationality_migration", "Flüchtlinge"), ("women", "Frauen"),
           ("sexual_orientation", "Schwule"), ("disability", "Behinderte")),
    "fr": (("muslims", "les musulmans"), ("jews", "les juifs"), ("black_people", "les Noirs"),
           ("nationality_migration", "les migrants"), ("women", "les femmes"),
           ("sexual_orientation", "les homos"), ("arabs", "les Arabes")),
    "es": (("muslims", "los musulmanes"), ("jews", "los judíos"), ("black_people", "los negros"),
           ("nationality_migration", "los inmigrantes"), ("women", "las mujeres"),
           ("sexual_orientation", "los gais"), ("latinx", "los sudacas")),
    "it": (("muslims", "i musulmani"), ("jews", "gli ebrei"), ("black_people", "i neri"),
           ("nationality_migration", "gli immigrati"), ("women", "le donne"),
           ("sexual_orientation", "i gay"), ("disability", "i disabili")),
    "nl": (("muslims", "moslims"), ("jews", "joden"), ("black_people", "zwarten"),
           ("nationality_migration", "asielzoekers"), ("women", "vrouwen"),
           ("sexual_orientation", "homo's"), ("disability", "gehandicapten")),
    "pl": (("muslims", "muzułmanie"), ("jews", "Żydzi"), ("black_people", "czarni"),
           ("nationality_migration", "imigranci"), ("women", "kobiety"),
           ("sexual_orientation", "geje"), ("nationality_migration", "uchodźcy")),
    "tr": (("muslims", "Müslümanlar"), ("jews", "Yahudiler"), ("black_people", "siyahlar"),
           ("nationality_migration", "Suriyeliler"), ("women", "kadınlar"),
           ("sexual_orientation", "eşcinseller"), ("arabs", "Araplar")),
}  # fmt: skip

#: Attacks on a group: ``{g}`` is the group's noun.
HATE: dict[str, tuple[str, ...]] = {
    "de": ("{g} sind Ungeziefer und gehören ausgemistet.",
           "{g} sind alle gleich: faul, dreckig und kriminell.",
           "Mit {g} an einem Tisch? Da wird mir schlecht.",
           "{g} sollte man aus dem Land jagen, alle.",
           "{g} sind Abschaum, das weiß doch jeder."),
    "fr": ("{g}, c'est de la vermine, faut nettoyer tout ça.",
           "{g} sont tous pareils : sales, fainéants et voleurs.",
           "{g} n'ont rien à faire chez nous, dehors !",
           "On devrait renvoyer {g} d'où ils viennent, tous.",
           "{g} sont une plaie pour ce pays."),
    "es": ("{g} son una plaga y hay que echarlos a todos.",
           "{g} son todos iguales: vagos, sucios y ladrones.",
           "{g} no pintan nada aquí, que se larguen.",
           "Habría que mandar a {g} de vuelta a patadas.",
           "{g} son escoria, lo sabe todo el mundo."),
    "it": ("{g} sono parassiti e vanno cacciati tutti.",
           "{g} sono tutti uguali: sporchi, pigri e ladri.",
           "{g} qui non c'entrano niente, fuori dalle palle.",
           "Bisognerebbe rispedire {g} a casa loro a calci.",
           "{g} sono feccia, lo sanno tutti."),
    "nl": ("{g} zijn ongedierte en moeten het land uit.",
           "{g} zijn allemaal hetzelfde: lui, vies en crimineel.",
           "{g} horen hier niet, opgerot met dat tuig.",
           "Je moet {g} gewoon allemaal terugsturen.",
           "{g} zijn uitschot, dat weet iedereen."),
    "pl": ("{g} to robactwo i trzeba ich wszystkich wyrzucić.",
           "{g} są wszyscy tacy sami: leniwi, brudni i złodzieje.",
           "{g} nie mają tu czego szukać, wynocha.",
           "Trzeba by odesłać ich wszystkich, {g} nie są tu mile widziani, to szumowiny.",
           "{g} to zaraza dla tego kraju."),
    "tr": ("{g} haşere gibi, hepsini kovmak lazım.",
           "{g} hepsi aynı: tembel, pis ve hırsız.",
           "{g} burada istemiyoruz, defolsunlar.",
           "{g} geldikleri yere geri gönderilmeli, hepsi.",
           "{g} pislik, bunu herkes biliyor."),
}  # fmt: skip

#: Positive and neutral statements about the same groups: all clear.
GOOD: dict[str, tuple[str, ...]] = {
    "de": ("{g} gehören genauso zu unserer Stadt wie alle anderen.",
           "Bei uns im Verein engagieren sich viele {g}, zum Glück.",
           "Der Artikel beschreibt, wie {g} in der Region leben.",
           "Ich kenne viele {g}, die sich jeden Tag für andere einsetzen.",
           "{g} haben dieselben Rechte wie alle, Punkt."),
    "fr": ("{g} font partie de ce pays autant que tout le monde.",
           "Dans mon quartier, {g} s'investissent beaucoup dans les associations.",
           "L'article explique comment vivent {g} dans la région.",
           "Je connais beaucoup de gens parmi {g} qui aident les autres chaque jour.",
           "{g} ont les mêmes droits que tout le monde, point."),
    "es": ("{g} forman parte de este país igual que cualquiera.",
           "En mi barrio {g} colaboran mucho con las asociaciones.",
           "El artículo cuenta cómo viven {g} en la región.",
           "Conozco a muchos que ayudan a los demás cada día, y {g} no son excepción.",
           "{g} tienen los mismos derechos que todos, punto."),
    "it": ("{g} fanno parte di questo paese come chiunque altro.",
           "Nel mio quartiere {g} danno una mano nelle associazioni.",
           "L'articolo racconta come vivono {g} nella regione.",
           "Conosco tanti che aiutano gli altri ogni giorno, {g} compresi.",
           "{g} hanno gli stessi diritti di tutti, punto."),
    "nl": ("{g} horen net zo goed bij dit land als ieder ander.",
           "In onze wijk helpen {g} veel mee bij het buurthuis.",
           "Het artikel beschrijft hoe {g} in de regio leven.",
           "Ik ken veel mensen die elke dag anderen helpen, {g} ook.",
           "{g} hebben dezelfde rechten als iedereen, punt."),
    "pl": ("{g} są częścią tego kraju tak samo jak wszyscy.",
           "U nas na osiedlu {g} dużo pomagają w świetlicy.",
           "Artykuł opisuje, jak żyją {g} w regionie.",
           "Znam wielu ludzi, którzy codziennie pomagają innym, {g} też.",
           "{g} mają takie same prawa jak wszyscy, kropka."),
    "tr": ("{g} da bu ülkenin parçası, herkes gibi.",
           "Mahallemizde {g} derneklere çok yardım ediyor.",
           "Haber, {g} bölgede nasıl yaşadığını anlatıyor.",
           "Her gün başkalarına yardım eden çok insan tanıyorum, {g} de öyle.",
           "{g} de herkesle aynı haklara sahip, nokta."),
}  # fmt: skip

#: Insults of one person (insult, no identity attack).
INSULTS: dict[str, tuple[str, ...]] = {
    "de": ("Du bist so ein Vollpfosten, echt.", "Halt die Klappe, du Idiot.",
           "Was für ein dämlicher Kommentar, du Depp.", "Der Autor ist ein Volltrottel."),
    "fr": ("T'es vraiment un gros con.", "Ferme-la, espèce d'abruti.",
           "Quel commentaire débile, pauvre type.", "Le journaliste est un crétin fini."),
    "es": ("Eres un gilipollas de campeonato.", "Cierra el pico, idiota.",
           "Qué comentario más estúpido, subnormal.", "El periodista es un imbécil."),
    "it": ("Sei proprio un coglione.", "Chiudi quella bocca, idiota.",
           "Che commento stupido, deficiente.", "Il giornalista è un cretino."),
    "nl": ("Je bent echt een ongelooflijke eikel.", "Hou je bek, idioot.",
           "Wat een debiele reactie, sukkel.", "De journalist is een complete idioot."),
    "pl": ("Jesteś skończonym debilem.", "Zamknij mordę, idioto.",
           "Co za głupi komentarz, kretynie.", "Ten dziennikarz to zwykły idiota."),
    "tr": ("Sen tam bir gerizekalısın.", "Kapa çeneni, aptal.",
           "Ne kadar salakça bir yorum, mal herif.", "Bu gazeteci tam bir ahmak."),
}  # fmt: skip

#: Threats (threat and toxicity).
THREATS: dict[str, tuple[str, ...]] = {
    "de": ("Ich weiß, wo du wohnst, pass bloß auf.", "Dich mach ich fertig, wenn ich dich erwische."),
    "fr": ("Je sais où tu habites, fais gaffe à toi.", "Je vais te défoncer si je te croise."),
    "es": ("Sé dónde vives, ten cuidado.", "Como te pille te parto la cara."),
    "it": ("So dove abiti, stai attento.", "Se ti becco ti spacco la faccia."),
    "nl": ("Ik weet waar je woont, pas maar op.", "Als ik je tegenkom sla ik je in elkaar."),
    "pl": ("Wiem, gdzie mieszkasz, uważaj.", "Jak cię dorwę, to ci połamię nogi."),
    "tr": ("Nerede oturduğunu biliyorum, dikkat et.", "Seni bir yakalarsam ağzını burnunu kırarım."),
}  # fmt: skip

#: Civil comments, disagreement included: all clear.
CIVIL: dict[str, tuple[str, ...]] = {
    "de": ("Ich sehe das anders, aber danke für den Beitrag.",
           "Die Zahlen im Artikel stimmen so nicht, bitte nachprüfen.",
           "Gute Recherche, hat mir gefallen."),
    "fr": ("Je ne suis pas d'accord, mais merci pour l'article.",
           "Les chiffres cités sont faux, il faudrait vérifier.",
           "Très bon reportage, merci."),
    "es": ("No estoy de acuerdo, pero gracias por el artículo.",
           "Las cifras del texto no cuadran, habría que revisarlas.",
           "Muy buen reportaje, gracias."),
    "it": ("Non sono d'accordo, ma grazie per l'articolo.",
           "I numeri citati non tornano, andrebbero verificati.",
           "Ottimo servizio, grazie."),
    "nl": ("Ik ben het er niet mee eens, maar bedankt voor het stuk.",
           "De cijfers in het artikel kloppen niet, graag nakijken.",
           "Goed artikel, dank je wel."),
    "pl": ("Nie zgadzam się, ale dziękuję za artykuł.",
           "Liczby w tekście się nie zgadzają, trzeba to sprawdzić.",
           "Bardzo dobry reportaż, dziękuję."),
    "tr": ("Katılmıyorum ama yazı için teşekkürler.",
           "Haberdeki rakamlar doğru değil, kontrol edilmeli.",
           "Çok güzel bir haber olmuş, teşekkürler."),
}  # fmt: skip


def template_rows(language: str) -> LabelledRows:
    """The language's template rows (all ``train``), named ``templates_<language>``."""
    out = LabelledRows(f"templates_{language}")
    for group, noun in GROUPS[language]:
        for frame in HATE[language]:
            labels: dict[str, float] = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0}
            labels.update(target_labels({group}))
            out.add(fill_group(frame, noun), "train", labels)
        for frame in GOOD[language]:
            out.add(fill_group(frame, noun), "train", all_clear())
    for text in INSULTS[language]:
        labels = {"toxicity": 1.0, "insult": 1.0, "identity_attack": 0.0, "threat": 0.0}
        labels.update(no_target())
        out.add(text, "train", labels)
    for text in THREATS[language]:
        out.add(text, "train", {"toxicity": 1.0, "threat": 1.0, "identity_attack": 0.0})
    for text in CIVIL[language]:
        out.add(text, "train", all_clear())
    round_two_rows(language, out)
    round_three_rows(language, GROUPS[language], out)
    round_four_rows(language, out, obfuscations)
    round_five_rows(language, out, obfuscations)
    return out


def all_template_rows() -> list[LabelledRows]:
    """Every language's template block."""
    return [template_rows(language) for language in GROUPS]


def overlap_with_suites() -> list[str]:
    """Template sentences that also appear (normalised) in a functional suite: must be none."""
    suites = resources.files("threadguard.resources")
    import json

    held_out: set[str] = set()
    for language in GROUPS:
        f = suites.joinpath(f"functional_suite_{language}.jsonl")
        if f.is_file():
            for line in f.read_text("utf-8").splitlines():
                if line.strip():
                    held_out.add(normalize_text(json.loads(line)["text"]))
    return [t for b in all_template_rows() for t in b.texts if normalize_text(t) in held_out]


# --- more rows for the languages with a functional suite (de, fr, es): opinions,
# questions, sarcasm and veiled calls against groups, calm mentions, insults and threats
# in numbers that let those heads be fitted (15 positives at least). Written apart from
# the suites: ``overlap_with_suites`` checks.
HATE["de"] += (
    "Meine ehrliche Meinung: {g} taugen einfach nichts.",
    "Wieso lässt man {g} überhaupt noch rein? Die machen doch alles kaputt.",
    "Na super, {g} überall. Bald erkennt man die eigene Straße nicht mehr wieder.",
    "{g} sind eine Seuche, da hilft nur noch Ausmisten.",
    "Wer {g} einstellt, ist selbst schuld, wenn die Kasse leer ist.",
)
GOOD["de"] += (
    "Viele {g} in meiner Nachbarschaft sind hilfsbereit und freundlich.",
    "Es stimmt einfach nicht, dass {g} gefährlich sind.",
    "Der Hass auf {g} in manchen Kommentaren macht mich fassungslos.",
    "Ein Abgeordneter hat {g} beleidigt, jetzt ermittelt die Staatsanwaltschaft.",
    "Unsere Kollegin hat einen Vortrag über {g} in der Geschichte gehalten.",
)
INSULTS["de"] += (
    "Du bist echt der letzte Idiot.",
    "Was für ein Spinner, meine Güte.",
    "Du Schwachmat, lies erst mal den Artikel.",
    "Halt dein dummes Maul.",
    "Du bist so ein erbärmlicher Wicht.",
    "Der Typ ist ein kompletter Vollpfosten.",
    "Du Pisser hast doch keine Ahnung.",
    "Du blöde Kuh, verschwinde.",
    "Du Arsch, lass die Leute in Ruhe.",
    "Was bist du für ein Dummkopf.",
    "Du Honk, das ist doch Unsinn.",
    "Verzieh dich, du Penner.",
)
THREATS["de"] += (
    "Wir kriegen dich, du Verräter.",
    "Ich schlag dir die Zähne aus.",
    "Pass auf, dass dir nachts nichts passiert.",
    "Dir werd ich's zeigen, wart's nur ab.",
    "Ich mach dich kalt, versprochen.",
    "Dein Auto ist bald Schrott, und du auch.",
    "Wir stehen bald vor deiner Haustür.",
    "Solche wie dich sollte man erschießen.",
    "Ich finde dich, und dann gnade dir Gott.",
    "Du wirst nicht mehr lange lachen.",
    "Nächstes Mal blutest du.",
    "Dich bring ich ins Grab.",
    "Man sieht sich, du Sau, und dann knallt's.",
)
CIVIL["de"] += (
    "Das sehe ich etwas anders, aber ein fairer Punkt.",
    "Kann jemand die Quelle für die Zahlen nennen?",
    "Die Debatte über Zuwanderung muss sachlich geführt werden.",
)
HATE["fr"] += (
    "Mon avis, c'est que {g} ne valent rien.",
    "Pourquoi on laisse encore entrer {g} ? Ils détruisent tout.",
    "Génial, {g} partout. Bientôt on ne reconnaîtra plus nos rues.",
    "{g}, c'est une épidémie, il faut faire le ménage.",
    "Embaucher {g}, c'est couler sa boîte.",
)
GOOD["fr"] += (
    "Dans mon immeuble, {g} sont serviables et sympathiques.",
    "C'est faux de dire que {g} sont dangereux.",
    "La haine contre {g} dans certains commentaires me sidère.",
    "Un élu a insulté {g} et le parquet a ouvert une enquête.",
    "Ma collègue a fait un exposé sur l'histoire de {g} en France.",
)
INSULTS["fr"] += (
    "T'es vraiment le dernier des idiots.",
    "Quel guignol, franchement.",
    "Pauvre tache, lis l'article avant.",
    "Ferme ta grande gueule.",
    "T'es un minable, un vrai.",
    "Ce type est un abruti fini.",
    "Espèce de connard, dégage.",
    "Pauvre conne, va-t'en.",
    "Sale con, laisse les gens tranquilles.",
    "Quel imbécile tu fais.",
    "T'es qu'un bouffon.",
    "Casse-toi, pauvre idiot.",
)
THREATS["fr"] += (
    "On va te retrouver, sale traître.",
    "Je vais te péter les dents.",
    "Fais attention à toi la nuit.",
    "Tu vas voir ce que tu vas prendre.",
    "Je vais te crever, promis.",
    "Ta voiture va finir en miettes, et toi avec.",
    "On sera bientôt devant ta porte.",
    "Des gens comme toi, faudrait les fusiller.",
    "Je te trouverai, et là tu pleureras.",
    "Tu ne vas plus rigoler longtemps.",
    "La prochaine fois tu saignes.",
    "Je vais t'enterrer.",
    "On se reverra, ordure, et ça va faire mal.",
)
CIVIL["fr"] += (
    "Je vois les choses autrement, mais l'argument se tient.",
    "Quelqu'un a la source de ces chiffres ?",
    "Le débat sur l'immigration doit rester factuel.",
    "Quelle galère, le rendez-vous est encore reporté.",
)
HATE["es"] += (
    "Mi opinión sincera: {g} no valen para nada.",
    "¿Por qué seguimos dejando entrar a {g}? Lo destrozan todo.",
    "Genial, {g} por todas partes. Pronto no reconoceremos ni nuestras calles.",
    "{g} son una epidemia, hay que hacer limpieza.",
    "Contratar a {g} es hundir tu empresa.",
)
GOOD["es"] += (
    "En mi edificio, {g} son amables y serviciales.",
    "Es falso decir que {g} son peligrosos.",
    "El odio contra {g} en algunos comentarios me deja helado.",
    "Un concejal insultó a {g} y la fiscalía ha abierto una investigación.",
    "Mi compañera dio una charla sobre la historia de {g} en España.",
)
INSULTS["es"] += (
    "Eres el más tonto de todos.",
    "Qué payaso, de verdad.",
    "Pobre idiota, lee el artículo antes.",
    "Cierra esa bocaza.",
    "Eres un miserable, de verdad.",
    "Ese tío es un imbécil integral.",
    "Cabrón, lárgate de aquí.",
    "Gilipollas, déjanos en paz.",
    "Qué subnormal eres.",
    "Eres un inútil y un mentiroso.",
    "Menudo bobo estás hecho.",
    "Vete a la mierda, idiota.",
)
THREATS["es"] += (
    "Te vamos a encontrar, traidor.",
    "Te voy a partir los dientes.",
    "Ten cuidado por la noche.",
    "Ya verás lo que te va a pasar.",
    "Te voy a matar, te lo prometo.",
    "Tu coche va a acabar hecho chatarra, y tú también.",
    "Pronto estaremos en tu puerta.",
    "A los que son como tú habría que fusilarlos.",
    "Te encontraré y entonces llorarás.",
    "No te vas a reír mucho más tiempo.",
    "La próxima vez sangras.",
    "Te voy a enterrar.",
    "Ya nos veremos, basura, y te va a doler.",
)
CIVIL["es"] += (
    "Lo veo de otra manera, pero el argumento tiene sentido.",
    "¿Alguien tiene la fuente de esas cifras?",
    "El debate sobre la inmigración tiene que ser con datos.",
    "Qué rollo, han vuelto a aplazar la cita.",
)

# Turkish: insults and threats enough to fit those heads (OffensEval has neither label).
INSULTS["tr"] += (
    "Sen ne biçim bir salaksın.",
    "Defol git, aptal herif.",
    "Bu adam tam bir beyinsiz.",
    "Ağzını kapat, geri zekalı.",
    "Sen bir zavallısın, o kadar.",
    "Ne kadar aptal bir adamsın.",
    "Yazar tam bir soytarı.",
    "Seni şerefsiz yalancı.",
)
THREATS["tr"] += (
    "Seni bulacağız, hain.",
    "Dişlerini kıracağım senin.",
    "Gece sokakta dikkatli ol.",
    "Bunun hesabını sana soracağız, bekle.",
)

# --- Round 2 (threadguard-fast-xx@2): the phenomena the suites showed the tier fails on.
# A comment that quotes hate in order to reject it, reports it, or denies a hateful claim
# is all clear; so is a calm, factual or warm mention of a group; hate with a group's name
# misspelt on purpose (swapped or dropped letters, spaced out, leetspeak) is still hate.
# Written apart from the suites (different frames, slogans and wording);
# ``overlap_with_suites`` checks, and a test runs it.
GROUPS["de"] += (("nationality_migration", "Ausländer"), ("sexual_orientation", "Lesben"))

#: Hateful slogans that counter-speech quotes: ``{g}`` is the group's noun.
SLOGANS: dict[str, tuple[str, ...]] = {
    "de": ("{g} sind Pack", "{g} verpisst euch", "{g} gehören weggesperrt", "{g} sind Ungeziefer"),
    "fr": ("{g} = vermine", "{g}, on n'en veut pas", "{g} hors de France", "{g}, tous des rats"),
    "es": ("{g} son basura", "muerte a {g}", "{g} a su país", "{g} = ratas"),
}

#: Frames that quote a slogan (``{q}``) to reject or report it: all clear.
COUNTER: dict[str, tuple[str, ...]] = {
    "de": ("Auf dem Schulhof stand „{q}“ an der Wand. Ich finde das einfach nur widerlich.",
           "Dass in diesem Forum jemand „{q}“ schreibt und keiner widerspricht, macht mich traurig.",
           "Wer „{q}“ brüllt, hat jedes Recht verloren, ernst genommen zu werden.",
           "Laut Polizeibericht riefen die Täter „{q}“. Gut, dass sie jetzt angeklagt sind.",
           "Ich habe den Kommentar mit „{q}“ gemeldet. Sowas hat hier nichts verloren.",
           "Mein Nachbar hat „{q}“ gesagt, und ich habe ihm klar gesagt, dass das rassistischer Mist ist.",
           "Parolen wie „{q}“ dürfen wir nie wieder normal finden."),
    "fr": ("Sur le mur du gymnase, quelqu'un a tagué « {q} ». Franchement, ça me dégoûte.",
           "Qu'on puisse lire « {q} » dans ce fil sans que personne ne réagisse, ça me désole.",
           "Celui qui crie « {q} » n'a plus aucune crédibilité.",
           "D'après la police, les agresseurs criaient « {q} ». Tant mieux s'ils sont jugés.",
           "J'ai signalé le commentaire « {q} ». Ça n'a rien à faire ici.",
           "Mon voisin a sorti « {q} » et je lui ai dit que c'était du racisme pur et simple.",
           "Des slogans comme « {q} », on ne doit jamais les banaliser."),
    "es": ("En la pared del polideportivo alguien escribió «{q}». Me da un asco tremendo.",
           "Que en este hilo alguien ponga «{q}» y nadie le conteste me parece muy triste.",
           "El que grita «{q}» pierde cualquier credibilidad.",
           "Según la policía, los agresores gritaban «{q}». Menos mal que los van a juzgar.",
           "He denunciado el comentario de «{q}». Eso no pinta nada aquí.",
           "Mi vecino soltó «{q}» y le dije que eso es racismo puro y duro.",
           "Consignas como «{q}» no las podemos normalizar nunca."),
}  # fmt: skip

#: Rejecting or reporting hatred against a group, and denying a hateful claim: all clear.
REJECT: dict[str, tuple[str, ...]] = {
    "de": ("Die Vorurteile gegen {g} in diesem Thread sind peinlich.",
           "{g} sind weder faul noch kriminell, das ist einfach ein dummes Klischee.",
           "Nein, {g} nehmen uns nichts weg. Das ist Propaganda.",
           "Wer {g} pauschal verurteilt, hat sich mit keinem einzigen unterhalten.",
           "Der Prozess gegen den Mann, der {g} im Netz bedroht hat, beginnt am Montag.",
           "Ich schäme mich für die Sprüche über {g}, die man hier lesen muss.",
           "{g} sind nicht das Problem, Hetzer sind es."),
    "fr": ("Les préjugés contre {g} dans ce fil sont lamentables.",
           "Non, {g} ne sont ni paresseux ni délinquants, c'est un cliché idiot.",
           "{g} ne nous volent rien du tout, c'est de la propagande.",
           "Ceux qui jugent {g} en bloc n'en ont jamais fréquenté un seul.",
           "Le procès de l'homme qui menaçait {g} en ligne s'ouvre lundi.",
           "J'ai honte des remarques sur {g} qu'on lit ici.",
           "{g} ne sont pas le problème, ceux qui attisent la haine, si."),
    "es": ("Los prejuicios contra {g} en este hilo dan vergüenza ajena.",
           "No, {g} no son ni vagos ni delincuentes, eso es un tópico estúpido.",
           "{g} no nos quitan nada, eso es propaganda.",
           "Quien juzga a {g} en bloque no ha tratado nunca con ninguno.",
           "El juicio contra el hombre que amenazaba a {g} en internet empieza el lunes.",
           "Me avergüenzan los comentarios sobre {g} que se leen aquí.",
           "{g} no son el problema, el problema es quien siembra odio."),
}  # fmt: skip

#: More calm, factual and warm mentions of groups (the French and Spanish suites showed
#: these held): all clear.
GOOD["de"] += (
    "Im Stadtrat sitzen inzwischen auch zwei {g}.",
    "Die Statistik zeigt, dass {g} im Schnitt jünger sind als der Rest der Bevölkerung.",
    "Danke an die {g} aus dem Viertel, die beim Hochwasser mit angepackt haben.",
)
GOOD["fr"] += (
    "Selon l'enquête, {g} sont en moyenne plus jeunes que le reste de la population.",
    "Merci aux {g} du quartier qui ont aidé pendant les inondations.",
    "Au conseil municipal, il y a maintenant plusieurs élus parmi {g}.",
    "Le documentaire suit trois familles, dont {g}, pendant un an.",
    "Bravo à {g} qui organisent la fête du quartier cette année.",
    "Une exposition retrace l'histoire de {g} à Marseille.",
)
GOOD["es"] += (
    "Según la encuesta, {g} son de media más jóvenes que el resto de la población.",
    "Gracias a {g} del barrio que ayudaron durante la riada.",
    "En el ayuntamiento ya hay varios concejales entre {g}.",
    "El documental sigue a tres familias, entre ellas {g}, durante un año.",
    "Enhorabuena a {g} que organizan las fiestas del barrio este año.",
    "Una exposición repasa la historia de {g} en Barcelona.",
)

#: Attacks with the group's name obfuscated: hate frames (``{g}``) that take a misspelt noun.
OBFUSCATED_HATE: dict[str, tuple[str, ...]] = {
    "de": ("{g} = Abschaum, alle miteinander.", "{g} sind Ratten, raus mit denen.",
           "{g} verseuchen unser Land."),
    "fr": ("{g} = déchets, qu'ils dégagent.", "{g} sont des rats, dehors.",
           "{g} pourrissent notre pays."),
    "es": ("{g} = basura, que se vayan.", "{g} son ratas, fuera.",
           "{g} están pudriendo nuestro país."),
}  # fmt: skip


def obfuscations(noun: str) -> tuple[str, ...]:
    """Misspellings of a group's noun the way evaders write them: two letters swapped
    (third and fourth, and mid-word), the third dropped, letters spaced out, leetspeak
    (deterministic, no randomness; no mid-word drop: "Schwule" would become "Schule")."""
    head, word = ("", noun)
    if " " in noun:  # "los inmigrantes": keep the article, obfuscate the noun
        head, word = noun.rsplit(" ", 1)
        head += " "
    mid = len(word) // 2
    early_swap = word[:2] + word[3] + word[2] + word[4:]
    swapped = word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]
    early_drop = word[:2] + word[3:]
    spaced = " ".join(word)
    leet = word.translate(str.maketrans("aeios", "4310$"))
    variants = (early_swap, swapped, early_drop, spaced, leet)
    return tuple(dict.fromkeys(head + w for w in variants if w != word))


def round_two_rows(language: str, out: LabelledRows) -> None:
    """Add the round-two rows (counter-speech, rejection, obfuscated attacks) for a
    language that has them."""
    if language not in COUNTER:
        return
    groups = GROUPS[language]
    slogans = SLOGANS[language]
    for i, frame in enumerate(COUNTER[language]):
        for j, (_group, noun) in enumerate(groups):
            quote = slogans[(i + j) % len(slogans)].replace("{g}", noun)
            out.add(frame.replace("{q}", quote), "train", all_clear())
    for frame in REJECT[language]:
        for _group, noun in groups:
            out.add(fill_group(frame, noun), "train", all_clear())
    for k, frame in enumerate(OBFUSCATED_HATE[language]):
        for group, noun in groups:
            for variant in obfuscations(noun)[k % 3 :: 3]:
                labels: dict[str, float] = {
                    "toxicity": 1.0,
                    "identity_attack": 1.0,
                    "insult": 0.0,
                }
                labels.update(target_labels({group}))
                out.add(fill_group(frame, variant), "train", labels)


# Round 2b: the counter-speech and calm-mention rows above outnumber the attacks on each
# group, and the first retrain let more attacks through (dehumanisation, opinions,
# sarcasm): more attacks in the same registers, worded apart from the suites.
HATE["de"] += (
    "{g} sind Viehzeug, mehr nicht.",
    "Ehrlich gesagt halte ich {g} für minderwertig.",
    "Warum müssen {g} eigentlich immer so verlogen und hinterhältig sein?",
    "Ach wie schön, wieder {g} im Freibad. Vielfalt, wie man sie sich wünscht.",
    "{g} sind wie Schimmel: einmal drin, kriegst du sie nie wieder raus.",
    "Packt {g} in Züge und schickt sie weg, alle.",
    "{g} haben hier kein Recht zu leben.",
    "Man müsste {g} endlich loswerden, mit allen Mitteln.",
    "Für mich sind {g} keine richtigen Menschen.",
)
HATE["fr"] += (
    "{g}, c'est du bétail, rien de plus.",
    "Franchement, je considère {g} comme une race inférieure.",
    "Pourquoi {g} sont-ils toujours aussi menteurs et sournois ?",
    "Oh chouette, encore {g} à la piscine. Le vivre-ensemble comme on l'aime.",
    "{g}, c'est comme la moisissure : une fois installés, impossible de s'en débarrasser.",
    "Mettez {g} dans des trains et renvoyez-les, tous.",
    "{g} n'ont pas le droit de vivre ici.",
    "Il faudrait se débarrasser de {g} une bonne fois pour toutes.",
    "Pour moi, {g} ne sont pas de vrais humains.",
    "{g} infestent nos quartiers comme des cafards.",
)
HATE["es"] += (
    "{g} son ganado, nada más.",
    "Sinceramente, para mí {g} son inferiores.",
    "¿Por qué {g} tienen que ser siempre tan mentirosos y rastreros?",
    "Qué bien, más {g} en la piscina. La diversidad que tanto queríamos.",
    "{g} son como el moho: cuando entran ya no hay quien los saque.",
    "Metan a {g} en un avión y que no vuelvan, a todos.",
    "{g} no tienen derecho a vivir aquí.",
    "Habría que librarse de {g} de una vez por todas.",
    "Para mí {g} no son personas de verdad.",
    "{g} infestan nuestros barrios como cucarachas.",
)
OBFUSCATED_HATE["de"] += ("{g} sind Dreck und gehören abgeschoben.", "{g} sind Tiere.")
OBFUSCATED_HATE["fr"] += ("{g} sont des sous-hommes.", "{g} = parasites, dehors.")
OBFUSCATED_HATE["es"] += ("{g} son escoria y sobran.", "{g} = parásitos, a la calle.")

"""Round three of the team's training templates for German, French and Spanish
(threadguard-fast-xx@3): the phenomena still weak after round two.

Kept apart from :mod:`threadguard.training.templates_languages` (rounds one and two, and
the groups every round fills its frames with), which adds these rows to each language's
block. Training rows only: the functional suites are written separately, and
``templates_languages.overlap_with_suites`` and a five-word-run test check.
"""

from __future__ import annotations

from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import all_clear, fill_group, no_target, target_labels

# --- Round 3 (threadguard-fast-xx@3): the phenomena still weak after round two. Swearing
# at no one and harsh words about things are all clear (densely profane outbursts stay
# toxic); implicit derogation, coded hate, sarcasm and hate stated as a calm opinion are
# attacks on the group; warm statements about and defences of a group in new wordings are
# all clear, and so are civil opinions that open the same way ("I think ..."); threats
# that are veiled or conditional are threats. Written from the phenomenon, in each
# language's own idiom; ``overlap_with_suites`` checks, and so does a five-word-run test.
# No scare quotes in the coded hate: round two's counter-speech quotes a slogan to reject
# it, and quote marks on the attacks taught the model to distrust those (a first try).

#: Everyday swearing aimed at no one (a delay, the weather, a broken thing): all clear on
#: toxicity, identity attack, insult and threat; profanity is left unlabelled.
PROFANE_MILD: dict[str, tuple[str, ...]] = {
    "de": ("Verdammt, jetzt hat es schon wieder angefangen zu regnen.",
           "Mist, ich habe meinen Schlüssel im Büro liegen lassen.",
           "So ein Scheiß, die Heizung ist schon wieder ausgefallen.",
           "Scheiße, die Milch ist sauer geworden.",
           "Boah, verdammt heiß heute in der U-Bahn.",
           "Ach Mist, das Paket kommt erst nächste Woche.",
           "Scheiße nochmal, warum ist die Schlange beim Bürgeramt immer so lang?",
           "Verflucht, der Kuchen ist total angebrannt.",
           "Hab mir den Zeh am Tisch gestoßen, Scheiße tut das weh.",
           "Verdammter Montag, heute klappt aber auch gar nichts.",
           "Oh Mann, so ein Mist, das WLAN ist weg.",
           "Zwei Tore in der Nachspielzeit, verdammt spannend war das.",
           "Scheiße, hab ich mich erschrocken, als die Tür zugeknallt ist.",
           "Mist, die Brille ist runtergefallen und hat einen Kratzer."),
    "fr": ("Putain, il pleut encore, et j'avais étendu le linge.",
           "Merde, j'ai oublié mes clés au bureau.",
           "Fait chier, la machine à laver est encore en panne.",
           "Bordel, le métro est bondé ce matin.",
           "Oh merde, le lait a tourné.",
           "Putain, qu'est-ce qu'il fait chaud aujourd'hui.",
           "Purée, le colis n'arrivera que la semaine prochaine.",
           "Je me suis cogné le pied contre la table, putain que ça fait mal.",
           "Merde alors, le gâteau a brûlé.",
           "Bordel, encore une coupure d'internet.",
           "Putain, quel but à la dernière minute !",
           "Zut, j'ai raté le début de l'émission.",
           "Ça me fait chier de devoir refaire tout ce dossier.",
           "Merde, mes lunettes sont tombées et elles sont rayées."),
    "es": ("Joder, otra vez se ha puesto a llover.",
           "Mierda, me he dejado las llaves en la oficina.",
           "Qué putada, se ha vuelto a estropear la lavadora.",
           "Hostia, qué calor hace hoy en el metro.",
           "Coño, la leche se ha cortado.",
           "Me cago en la mar, el paquete no llega hasta la semana que viene.",
           "Me he dado en el dedo del pie con la mesa, joder cómo duele.",
           "Mierda, se me ha quemado la tarta.",
           "Joder, otra vez sin internet en casa.",
           "Hostia, qué golazo en el último minuto.",
           "Ostras, me he perdido el principio del programa.",
           "Qué coñazo tener que rellenar otra vez el formulario.",
           "Puf, joder, qué cola hay hoy en el banco.",
           "Mierda, se me han caído las gafas y se han rayado."),
}  # fmt: skip

#: Outbursts dense with swearwords (still at no one): toxic, and profane where the
#: language's rows label profanity.
PROFANE_DENSE: dict[str, tuple[str, ...]] = {
    "de": ("Scheiße, verdammte Kacke, heute geht alles den Bach runter.",
           "Fuck, verfickter Drecksmontag, Scheiße nochmal.",
           "Kacke, Scheiße, verfluchte Drecksbahn.",
           "Scheiß auf alles, verdammte Scheiße, echt jetzt.",
           "Heilige Kacke, was für ein verfickter Scheißtag."),
    "fr": ("Putain de bordel de merde, tout est cassé.",
           "Merde, fait chier, putain de journée pourrie.",
           "Bordel de merde, cette saloperie de bagnole.",
           "Putain, chier, encore cette merde de bouchon.",
           "Nom de Dieu de putain de merde, ça recommence.",
           "Chiotte de bordel, putain, encore cette connerie de panne.",
           "Merde, merde et re-merde, putain de bordel."),
    "es": ("Joder, me cago en todo, puta mierda de día.",
           "Hostia puta, qué mierda de tráfico, joder.",
           "Me cago en diez, joder, puta mierda, todo roto otra vez.",
           "Coño, mierda, puto coche de los cojones.",
           "Puta mierda, joder, me cago en la hostia."),
}  # fmt: skip

#: Harsh words about things (a product, a film, the weather, a service): all clear.
OBJECTS: dict[str, tuple[str, ...]] = {
    "de": ("Dieser Staubsauger ist der größte Schrott, den ich je gekauft habe.",
           "Das Handy ist nach zwei Wochen kaputt, totaler Müll.",
           "Die Serie ist ab der dritten Staffel nur noch Käse.",
           "Das Essen im Hotel war ein Witz, kalt und fad.",
           "Dieser Wasserkocher ist ein echtes Mistding.",
           "Die Software ist ein Haufen Mist, stürzt ständig ab.",
           "Was für eine grottige Inszenierung, die Oper war zum Einschlafen.",
           "Der neue Bahnhof ist ein hässlicher Betonklotz.",
           "Das Wetter ist heute echt zum Kotzen.",
           "Die Parkplatzsuche in der Altstadt ist die Hölle.",
           "Dieses Fahrrad ist eine alte Schrottkiste.",
           "Das neue Album ist leider belanglos und öde.",
           "Die Steuererklärung ist ein bürokratisches Monster.",
           "Diese blöde Kaffeemaschine tropft schon wieder.",
           "Die Doku war stinklangweilig, reine Zeitverschwendung."),
    "fr": ("Cet aspirateur, c'est de la daube.",
           "Le téléphone a lâché au bout de deux semaines, quelle camelote.",
           "La série devient complètement nulle à partir de la saison trois.",
           "Le repas à l'hôtel était infect, froid et fade.",
           "Cette bouilloire est une horreur, elle fuit de partout.",
           "Ce logiciel est une catastrophe, il plante sans arrêt.",
           "La mise en scène de l'opéra était d'un ennui mortel.",
           "La nouvelle gare est un bloc de béton affreux.",
           "Le temps est pourri aujourd'hui.",
           "Se garer dans le vieux centre, c'est l'enfer.",
           "Ce vélo, c'est un vrai tas de ferraille.",
           "Le nouvel album est fade et sans intérêt.",
           "La déclaration d'impôts est un vrai casse-tête.",
           "Cette cafetière pourrie goutte encore.",
           "Le documentaire était chiant à mourir, une perte de temps."),
    "es": ("Esta aspiradora es una porquería.",
           "El móvil se rompió a las dos semanas, menuda chapuza.",
           "La serie a partir de la tercera temporada es un truño.",
           "La comida del hotel era un asco, fría y sosa.",
           "Este hervidor es un cacharro inútil, gotea por todas partes.",
           "Este programa es un desastre, se cuelga cada dos por tres.",
           "La obra de teatro fue un tostón insoportable.",
           "La nueva estación es un mamotreto de hormigón horroroso.",
           "Hace un tiempo de perros hoy.",
           "Aparcar en el casco antiguo es un infierno.",
           "Esta bici es pura chatarra.",
           "El disco nuevo es flojísimo y aburrido.",
           "La declaración de la renta es un auténtico laberinto.",
           "La cafetera de la oficina es una mierda, siempre pierde agua.",
           "El documental fue un rollo, una pérdida de tiempo."),
}  # fmt: skip

#: Attacks on a group in the registers still missed: implicit derogation (no slur, a
#: stereotype implied), coded hate, sarcasm, and hate stated calmly as an opinion.
#: ``{g}`` is the group's noun; each frame is filled with two groups in turn.
SUBTLE_HATE: dict[str, tuple[str, ...]] = {
    "de": (  # implicit
           "Das Fahrrad lasse ich nicht mehr im Hof stehen, mit {g} im Viertel weiß man ja nie.",
           "Komisch, dass die Polizei immer dann auftaucht, wenn {g} in der Nähe sind.",
           "Sobald {g} in ein Viertel ziehen, fallen die Mieten. Zufall?",
           "{g} und ehrliche Arbeit, das passt halt nicht zusammen.",
           "Natürlich waren es wieder {g}, wer auch sonst.",
           "{g} bleiben lieber unter sich, und wir wissen alle, warum.",
           "Meine Tochter wechselt die Schule, drüben sind {g} schon in der Mehrheit.",
           "Wenn {g} im Laden sind, behalte ich meine Geldbörse lieber im Auge.",
           # coded
           "{g} sind ja so eine Bereicherung, das merkt man jeden Tag.",
           "Man weiß ja, wer hinter {g} steckt und wer das alles bezahlt.",
           "Bei {g} reiht sich eben ein Einzelfall an den nächsten.",
           "{g} und ihre sogenannte Kultur, nein danke, davon haben wir genug.",
           # sarcasm
           "Klar, {g} sind immer die armen Opfer und nie an irgendwas schuld. Wer's glaubt.",
           "Was wären wir nur ohne {g}? Vermutlich sicherer.",
           "Ja genau, {g} sind alle hochqualifizierte Fachkräfte. Und ich bin der Kaiser von China.",
           "Na toll, schon wieder ein Aktionstag für {g}. Als hätten die nicht genug Sonderrechte.",
           "Wie schön, dass {g} uns so fleißig die Sozialkassen leeren. Danke auch.",
           # opinion
           "Ich finde, {g} sollten hier keine Wohnungen bekommen.",
           "Meiner Meinung nach passen {g} einfach nicht zu uns.",
           "Ich bin überzeugt, dass {g} von Natur aus weniger wert sind.",
           "Man wird ja wohl noch sagen dürfen, dass {g} hier nichts zu suchen haben.",
           "Ich persönlich will {g} nicht als Nachbarn haben.",
           "Ganz ehrlich, ich glaube, {g} sind dümmer als der Durchschnitt.",
           "Für mich steht fest: {g} gehören nicht zu diesem Land.",
           "Ich halte es für richtig, {g} von öffentlichen Ämtern fernzuhalten."),
    "fr": (  # implicit
           "Je ne laisse plus mon vélo dans la cour, avec {g} dans le quartier on ne sait jamais.",
           "Bizarre, la police débarque toujours quand {g} traînent dans le coin.",
           "Quand {g} arrivent dans un quartier, l'immobilier s'effondre. Un hasard ?",
           "{g} et le travail honnête, ça fait deux, on le sait.",
           "Évidemment que c'était encore {g}, qui d'autre ?",
           "{g} préfèrent rester entre eux, et on sait tous pourquoi.",
           "J'ai changé ma fille d'école, là-bas {g} sont déjà majoritaires.",
           "Quand {g} sont dans la boutique, je surveille mon portefeuille.",
           # coded
           "{g}, une chance pour la France, paraît-il. On voit surtout les factures.",
           "On sait très bien qui se cache derrière {g} et qui paie pour tout ça.",
           "Avec {g}, les faits divers s'enchaînent, comme par hasard.",
           "{g} et leur prétendue culture, merci bien, on a déjà donné.",
           # sarcasm
           "Bien sûr, {g} sont toujours les pauvres victimes, jamais responsables de rien.",
           "Que ferions-nous sans {g} ? Sûrement moins de problèmes.",
           "Mais oui, {g} sont tous des génies. Et moi je suis la reine d'Angleterre.",
           "Super, encore une journée spéciale pour {g}. Comme s'ils n'avaient pas assez de privilèges.",
           "Un grand merci, {g}, de vider si gentiment les caisses de la Sécu.",
           # opinion
           "Moi, je le dis clairement : {g} ne devraient pas avoir le droit de vote.",
           "Personnellement, je refuse d'avoir {g} comme voisins.",
           "Je pense sincèrement que {g} sont moins intelligents que les autres.",
           "Ce n'est pas interdit de penser que {g} n'ont rien à faire ici.",
           "Pour être franc, {g} me dégoûtent tous autant qu'ils sont."),
    "es": (  # implicit
           "Yo ya no dejo la bici en el portal, con {g} por el barrio nunca se sabe.",
           "Qué casualidad que la policía siempre aparece cuando {g} andan cerca.",
           "Cuando {g} llegan a un barrio, los pisos se hunden de precio. ¿Casualidad?",
           "{g} y el trabajo honrado no van juntos, ya lo sabemos.",
           "Claro que fueron otra vez {g}, ¿quién si no?",
           "{g} prefieren quedarse entre ellos, y todos sabemos por qué.",
           "He cambiado a mi hija de colegio, en el otro {g} ya son mayoría.",
           "Si {g} entran en la tienda, yo vigilo bien la cartera.",
           # coded
           "{g}, una riqueza cultural, dicen. Yo solo veo facturas.",
           "Ya sabemos quién está detrás de {g} y quién lo paga todo.",
           "Con {g}, los sucesos se acumulan, qué casualidad.",
           "{g} y su supuesta cultura, no gracias, ya tenemos bastante.",
           # sarcasm
           "Claro, {g} siempre son las pobres víctimas, nunca tienen la culpa de nada.",
           "¿Qué haríamos sin {g}? Seguramente vivir más tranquilos.",
           "Sí, sí, {g} son todos unos genios. Y yo soy el Papa.",
           "Genial, otro día especial para {g}. Como si no tuvieran ya bastantes privilegios.",
           "Gracias a {g} por vaciar con tanto esmero las arcas públicas. De verdad, gracias.",
           # opinion
           "Yo lo tengo claro: {g} no deberían poder votar.",
           "Personalmente, no quiero tener a {g} de vecinos.",
           "Creo sinceramente que {g} son menos inteligentes que el resto.",
           "Se puede decir sin miedo que {g} sobran aquí.",
           "Para ser franco, {g} me dan asco, todos ellos."),
}  # fmt: skip

#: Coded hate that names its target by a code word rather than the group's noun.
CODED: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("Die Umvolkung läuft, jeden Tag ein Bus mehr.", "nationality_migration"),
           ("Wieder eine Messerattacke, vielen Dank für die tollen Fachkräfte.", "nationality_migration"),
           ("Die Hochfinanz von der Ostküste zieht wie immer die Fäden.", "jews"),
           ("Die Regenbogenlobby will unsere Kinder umerziehen.", "sexual_orientation"),
           ("Mal sehen, welche Einzelfälle heute wieder in der Zeitung stehen.", "nationality_migration"),
           ("Die Globalisten um Soros haben das doch alles geplant.", "jews"),
           ("Wir sichern die Existenz unseres Volkes und eine Zukunft für weiße Kinder.", "race_ethnicity")),
    "fr": (("Le grand remplacement, ce n'est pas une théorie, il suffit de prendre le RER.", "nationality_migration"),
           ("Encore un déséquilibré avec un couteau, on connaît la chanson.", "muslims"),
           ("Toujours les mêmes qui tirent les ficelles de la finance mondiale.", "jews"),
           ("Le lobby LGBT veut rééduquer nos enfants.", "sexual_orientation"),
           ("La remigration, c'est la seule solution pour sauver la France.", "nationality_migration"),
           ("Les mondialistes de chez Rothschild ont tout prévu depuis longtemps.", "jews"),
           ("Une petite communauté contrôle les médias, c'est un secret de polichinelle.", "jews")),
    "es": (("El gran reemplazo ya está aquí, basta con subir al metro.", "nationality_migration"),
           ("Otro caso aislado con cuchillo, ya conocemos la historia.", "nationality_migration"),
           ("Siempre son los mismos los que mueven los hilos de la banca mundial.", "jews"),
           ("El lobby LGTB quiere adoctrinar a nuestros hijos.", "sexual_orientation"),
           ("Remigración ya, es la única forma de salvar España.", "nationality_migration"),
           ("Los globalistas de Soros lo tienen todo planeado.", "jews"),
           ("Las feminazis quieren acabar con la familia.", "women")),
}  # fmt: skip

#: Warm statements about a group and defences of it, in new wordings, and opinions about
#: a group that are warm: all clear. Each frame is filled with two groups in turn.
WARM: dict[str, tuple[str, ...]] = {
    "de": ("Ich finde, {g} verdienen hier mehr Respekt, als sie bekommen.",
           "Meiner Meinung nach sollten {g} in der Politik viel stärker vertreten sein.",
           "Hört auf, auf {g} herumzuhacken, die haben euch nichts getan.",
           "{g} sind unsere Nachbarn, Kolleginnen und Freunde."),
    "fr": ("{g} apportent énormément à la vie de notre ville.",
           "{g} que je connais sont des gens formidables et généreux.",
           "Quel plaisir de voir {g} aussi investis dans le club de foot.",
           "{g} ont toute leur place ici, et c'est très bien ainsi.",
           "Je suis fier de vivre dans un pays où {g} peuvent être eux-mêmes.",
           "{g} sont nos voisins, nos collègues et nos amis.",
           "Arrêtez d'attaquer {g}, ils ne vous ont rien fait.",
           "Je défendrai toujours {g} contre ce genre d'attaques.",
           "Insulter {g} pour faire le buzz, c'est lamentable.",
           "{g} méritent le même respect que n'importe qui.",
           "Personne n'a le droit d'insulter {g}, point final.",
           "Face à la haine, je soutiens {g} sans réserve.",
           "J'aimerais que {g} soient bien plus présents à l'Assemblée."),
    "es": ("{g} aportan muchísimo a la vida de nuestra ciudad.",
           "{g} que conozco son gente estupenda y generosa.",
           "Qué alegría ver a {g} tan implicados en el club de fútbol.",
           "{g} tienen todo el derecho a estar aquí, y así debe ser.",
           "Me siento orgulloso de vivir en un país donde {g} pueden ser ellos mismos.",
           "{g} son nuestros vecinos, compañeros y amigos.",
           "Dejad de meteros con {g}, no os han hecho nada.",
           "Siempre defenderé a {g} frente a este tipo de ataques.",
           "Atacar a {g} para llamar la atención es lamentable.",
           "{g} merecen el mismo respeto que cualquiera.",
           "Nadie tiene derecho a insultar a {g}, y punto.",
           "Estoy al lado de {g} frente al odio.",
           "Ojalá {g} estuvieran mucho más presentes en el Congreso."),
}  # fmt: skip

#: Civil opinions that open like the hateful ones ("I think ..."): all clear.
CIVIL_OPINIONS: dict[str, tuple[str, ...]] = {
    "de": ("Ich finde, die Stadt sollte mehr Geld in Radwege stecken.",
           "Meiner Meinung nach ist die Reform viel zu teuer geraten.",
           "Ich bin überzeugt, dass der Streik bald vorbei ist.",
           "Ganz ehrlich, ich glaube, der Trainer muss gehen.",
           "Für mich steht fest: Die Grundschule braucht mehr Lehrer.",
           "Ich persönlich halte wenig von dem Vorschlag, aber man kann darüber reden."),
    "fr": ("Moi, je le dis clairement : la mairie devrait investir dans les pistes cyclables.",
           "Je pense sincèrement que la réforme coûte beaucoup trop cher.",
           "Personnellement, je trouve que l'entraîneur doit partir.",
           "On a bien le droit de critiquer le budget sans se faire insulter.",
           "Pour être franc, ce projet de loi ne me convainc pas du tout."),
    "es": ("Yo lo tengo claro: el ayuntamiento debería invertir en carriles bici.",
           "Creo sinceramente que la reforma sale demasiado cara.",
           "Personalmente, pienso que el entrenador tiene que irse.",
           "Se puede criticar el presupuesto sin insultar a nadie.",
           "Para ser franco, este proyecto de ley no me convence nada."),
}  # fmt: skip

#: Veiled, conditional and implied threats against one person: threat and toxicity.
VEILED_THREATS: dict[str, tuple[str, ...]] = {
    "de": ("Wenn du nochmal sowas schreibst, stehe ich bei dir auf der Matte.",
           "Wäre doch schade, wenn deinem Haus mal was zustößt.",
           "Schau dich lieber gut um, wenn du abends heimläufst.",
           "Deine Kinder gehen doch auf die Grundschule am Markt, oder?",
           "Ich schwöre, ich zünde dir die Bude an.",
           "Beim nächsten Mal gibt es keine Warnung mehr.",
           "Irgendwann erwischt dich einer, und ich hoffe, ich bin es.",
           "Du wirst bald merken, was passiert, wenn man sich mit uns anlegt.",
           "Ich ramm dir ein Messer rein, verlass dich drauf.",
           "Deine Eltern wohnen ja nicht weit, die besuchen wir mal."),
    "fr": ("Si tu écris encore ça, je débarque chez toi.",
           "Ce serait dommage qu'il arrive quelque chose à ta maison.",
           "Regarde bien derrière toi quand tu rentres le soir.",
           "Tes gosses vont bien à l'école du centre, non ?",
           "Je te jure que je vais foutre le feu à ta baraque.",
           "La prochaine fois, il n'y aura pas d'avertissement.",
           "Un jour quelqu'un va te faire la peau, et j'espère que ce sera moi.",
           "Tu vas vite comprendre ce qui arrive à ceux qui nous cherchent.",
           "Un coup de couteau, c'est tout ce que tu mérites, et tu l'auras.",
           "Tes parents n'habitent pas loin, on pourrait leur rendre une petite visite."),
    "es": ("Como vuelvas a escribir eso, me planto en tu casa.",
           "Sería una pena que le pasara algo a tu casa.",
           "Mira bien detrás de ti cuando vuelvas por la noche.",
           "Tus hijos van al colegio del centro, ¿verdad?",
           "Te juro que le prendo fuego a tu casa.",
           "La próxima vez no habrá aviso.",
           "Algún día alguien te va a dar tu merecido, y espero ser yo.",
           "Pronto vas a saber lo que les pasa a los que se meten con nosotros.",
           "Te meto una puñalada y se acabó la tontería.",
           "Tus padres viven cerca, ¿no? Igual les hacemos una visita."),
}  # fmt: skip

#: Calm mentions that report, reject or deny hatred in new wordings: all clear. They keep
#: the group nouns balanced: without them, the attacks above (about fifty rows naming a
#: group per language) raised every sentence naming a group, counter-speech included (a
#: first try: German counter-speech quoting a slogan 5/10 -> 1/10).
CALM: dict[str, tuple[str, ...]] = {
    "de": ("Niemand hier glaubt ernsthaft, dass {g} schlechtere Menschen sind.",
           "Eine neue Studie räumt mit dem Vorurteil auf, {g} seien weniger fleißig.",
           "Der Angeklagte hatte {g} im Netz als Ungeziefer beschimpft, das Urteil fällt im Mai.",
           "Die Gemeinde lädt {g} und alle anderen zum Straßenfest am Sonntag ein.",
           "Wer {g} pauschal zu Sündenböcken macht, macht es sich zu leicht.",
           "Die Beratungsstelle hilft {g}, die im Alltag angefeindet werden.",
           "Im Podcast erzählen {g} von ihrem Alltag zwischen Arbeit und Familie.",
           "Die Hetze gegen {g} nach dem Spiel hat der Verein scharf verurteilt.",
           "Dass {g} gefährlich seien, ist ein Märchen, das durch nichts belegt ist.",
           "Laut Umfrage fühlen sich {g} in der Stadt überwiegend wohl."),
    "fr": ("Personne ici ne pense sérieusement que {g} seraient des citoyens de seconde zone.",
           "Une étude récente démonte le préjugé selon lequel {g} travailleraient moins.",
           "Le prévenu avait traité {g} de vermine sur internet, jugement en mai.",
           "Le club a fermement condamné les insultes visant {g} après le match.",
           "L'idée que {g} représenteraient un danger est un mythe sans aucune donnée.",
           "Selon le sondage, {g} se sentent plutôt bien dans la ville."),
    "es": ("Nadie aquí cree en serio que {g} valgan menos que los demás.",
           "Un estudio reciente desmonta el prejuicio de que {g} trabajan menos.",
           "El acusado había llamado alimañas a {g} en internet, la sentencia llega en mayo.",
           "El club ha condenado con firmeza los insultos contra {g} tras el partido.",
           "La idea de que {g} traen peligro es un mito sin ningún dato detrás.",
           "Según la encuesta, {g} se sienten bastante a gusto en la ciudad."),
}  # fmt: skip
CALM_GROUPS_PER_FRAME = {"de": 3, "fr": 2, "es": 2}

#: Nouns that are slurs themselves: left out of the warm frames.
_SLUR_NOUNS = frozenset({"los sudacas"})
#: How many groups fill each round-three frame (in turn, so every group is used); the warm
#: frames of French and Spanish take three (their suites held warm wordings most).
ROUND_THREE_GROUPS_PER_FRAME = 2
WARM_GROUPS_PER_FRAME = {"de": 2, "fr": 3, "es": 3}


def round_three_rows(language: str, groups: tuple[tuple[str, str], ...], out: LabelledRows) -> None:
    """Add the round-three rows for a language that has them; ``groups``: its (schema
    group, noun) pairs, which the frames are filled with in turn."""
    if language not in SUBTLE_HATE:
        return
    clear_but_profanity = {"toxicity": 0.0, "identity_attack": 0.0, "insult": 0.0, "threat": 0.0}
    clear_but_profanity.update(no_target())
    for text in PROFANE_MILD[language]:
        out.add(text, "train", dict(clear_but_profanity))
    for text in PROFANE_DENSE[language]:
        labels = {"toxicity": 1.0, "identity_attack": 0.0, "insult": 0.0, "threat": 0.0}
        if language == "de":  # the only one of the three whose rows label profanity
            labels["profanity"] = 1.0
        labels.update(no_target())
        out.add(text, "train", labels)
    for text in (*OBJECTS[language], *CIVIL_OPINIONS[language]):
        out.add(text, "train", all_clear())
    for text in VEILED_THREATS[language]:
        out.add(text, "train", {"toxicity": 1.0, "threat": 1.0, "identity_attack": 0.0})
    warm_groups = [g for g in groups if g[1] not in _SLUR_NOUNS]
    k = ROUND_THREE_GROUPS_PER_FRAME
    for i, frame in enumerate(SUBTLE_HATE[language]):
        for j in range(k):
            group, noun = groups[(i * k + j) % len(groups)]
            labels = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0}
            labels.update(target_labels({group}))
            out.add(fill_group(frame, noun), "train", labels)
    for text, group in CODED[language]:
        labels = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0}
        labels.update(target_labels({group}))
        out.add(text, "train", labels)
    w = WARM_GROUPS_PER_FRAME[language]
    for i, frame in enumerate(WARM[language]):
        for j in range(w):
            _group, noun = warm_groups[(i * w + j) % len(warm_groups)]
            out.add(fill_group(frame, noun), "train", all_clear())
    c = CALM_GROUPS_PER_FRAME[language]
    for i, frame in enumerate(CALM[language]):
        for j in range(c):
            _group, noun = warm_groups[(i * c + j + 1) % len(warm_groups)]
            out.add(fill_group(frame, noun), "train", all_clear())

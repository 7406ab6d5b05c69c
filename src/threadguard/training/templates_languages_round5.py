"""Round five of the team's training templates for French and Spanish
(threadguard-fast-xx@5): the phenomena still weak after round four.

At @4 the French model let implicit derogation and coded hate through (they scored just
under the French hold, chosen on MLMA's dev rows), and half of the hate asked as a question
and of the sarcasm; Spanish held half of its calm statements naming a group (neutral
mentions, defences, negated hate, counter-speech quoting a slogan); in both, half of the
swearing at no one was held and a third of the misspelt attacks let through. These rows
add, per language:

- calm comments naming a group in new frames: neutral reports and questions, defences,
  negated and denied prejudice, counter-speech that quotes a slogan to reject it (all
  clear), filled with more nouns than the attacks so that a noun alone carries nothing;
- swearing at no one and harsh words about things (clear on every attribute but profanity,
  which is left unlabelled);
- implicit derogation (a stereotype stated or implied, no slur), hate asked as a question,
  sarcasm aimed at a group, coded hate and dog whistles (attacks on the group);
- explicit attacks whose key word or group noun is misspelt the way evaders write it:
  letters swapped or dropped, spaced out, run into the next word, leetspeak
  (``templates_languages.obfuscations`` for the noun, :func:`word_variants` for the word);
- insults of one person (insult, no group).

Written from the phenomena's names only, not from the suites' sentences, in each language's
own idiom. Training rows only: ``templates_languages.overlap_with_suites`` and a
five-word-run test check that no sentence and no five-word run is shared with a suite or
a blind check.
"""

from __future__ import annotations

from collections.abc import Callable

from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import all_clear, fill_group, no_target, target_labels

#: Group nouns the round-five frames are filled with (schema group, noun as subject or
#: object; French frames never put ``{g}`` after "de" or "à"). No slur: calm frames take
#: every one of them, more often than the attack frames do.
NOUNS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("muslims", "les musulmans"), ("jews", "les juifs"), ("black_people", "les Noirs"),
           ("nationality_migration", "les migrants"), ("women", "les femmes"),
           ("sexual_orientation", "les homosexuels"), ("arabs", "les Arabes"),
           ("nationality_migration", "les réfugiés"), ("race_ethnicity", "les Roms"),
           ("black_people", "les Africains"), ("sexual_orientation", "les gays"),
           ("nationality_migration", "les immigrés"), ("asians", "les Chinois"),
           ("arabs", "les Maghrébins"), ("gender", "les personnes trans"),
           ("disability", "les handicapés"), ("christians", "les chrétiens"),
           ("sexual_orientation", "les lesbiennes"), ("nationality_migration", "les étrangers"),
           ("women", "les féministes")),
    "es": (("muslims", "los musulmanes"), ("jews", "los judíos"), ("black_people", "los negros"),
           ("nationality_migration", "los inmigrantes"), ("women", "las mujeres"),
           ("sexual_orientation", "los homosexuales"), ("arabs", "los árabes"),
           ("nationality_migration", "los refugiados"), ("race_ethnicity", "los gitanos"),
           ("black_people", "los africanos"), ("sexual_orientation", "los gais"),
           ("nationality_migration", "los extranjeros"), ("latinx", "los latinos"),
           ("asians", "los chinos"), ("arabs", "los marroquíes"),
           ("gender", "las personas trans"), ("disability", "los discapacitados"),
           ("sexual_orientation", "las lesbianas"), ("nationality_migration", "los migrantes"),
           ("latinx", "los sudamericanos")),
}  # fmt: skip

#: Neutral mentions: reports, figures, daily life, plain questions. All clear.
NEUTRAL: dict[str, tuple[str, ...]] = {
    "fr": ("{g} représentent environ un habitant sur dix dans le département, d'après le recensement.",
           "Les élus ont débloqué des fonds pour un collectif qui aide {g} à trouver un stage.",
           "Sur le marché du dimanche, {g} tiennent plusieurs stands, et leurs légumes sont excellents.",
           "Le journaliste a interrogé {g} sur la réforme des retraites, les avis sont très partagés.",
           "{g} sont nombreux à travailler dans les hôpitaux et les maisons de retraite de la ville.",
           "Savez-vous si {g} sont pris en compte dans l'enquête de l'Insee ?",
           "Pour la fête des voisins, {g} et les autres habitants de l'immeuble ont préparé un grand buffet.",
           "La série montre {g} comme des gens ordinaires, sans tomber dans les clichés.",
           "Dans la boîte de mon frère, {g} occupent des postes à tous les niveaux.",
           "L'historien rappelle que {g} vivaient déjà dans la ville au début du siècle dernier.",
           "Le reportage de la télé régionale sur {g} et le logement était clair et bien documenté.",
           "Selon le rapport, {g} font en moyenne autant d'études que le reste de la population.",
           "Les associations qui soutiennent {g} demandent un rendez-vous au préfet.",
           "J'ai lu le rapport en entier : {g} restent sous-représentés dans les conseils municipaux.",
           "Le club de foot compte {g} parmi ses entraîneurs bénévoles depuis des années.",
           "Je ne vois pas pourquoi l'article met {g} en avant, le vrai sujet c'est le budget.",
           "Quelqu'un sait si {g} peuvent aussi bénéficier du nouveau dispositif de la région ?",
           "Est-ce que l'étude a interrogé {g} directement, ou seulement les élus ?",
           "La nouvelle ligne de bus dessert le quartier où vivent beaucoup de familles, {g} compris.",
           "Le sondage indique que {g} s'inquiètent d'abord du pouvoir d'achat, comme tout le monde.",
           "Au conseil de quartier, {g} ont proposé d'installer des bancs près de l'école.",
           "Le film suit trois générations, et {g} y sont montrés avec beaucoup de nuance.",
           "Le débat sur la laïcité concerne {g} comme tous les autres croyants et non-croyants.",
           "Ma voisine fait du soutien scolaire, elle aide aussi bien {g} que les autres.",
           "Je travaille à la CAF : {g} viennent pour les mêmes démarches que tout le monde.",
           "L'exposition photo présente {g} du quartier dans leur quotidien, c'est touchant."),
    "es": ("{g} son más o menos uno de cada diez vecinos de la provincia, según el padrón.",
           "El pleno aprobó una subvención para una asociación que ayuda a {g} a encontrar trabajo.",
           "En el mercadillo del domingo hay varios puestos de {g}, y la fruta está buenísima.",
           "El periodista preguntó a {g} por la reforma de las pensiones y las opiniones están muy divididas.",
           "Muchos de {g} trabajan en los hospitales y las residencias de la ciudad.",
           "¿Sabéis si la encuesta del CIS tiene en cuenta a {g}?",
           "Para la fiesta del barrio, {g} y el resto de vecinos del bloque prepararon una comida enorme.",
           "La serie muestra a {g} como gente normal, sin caer en tópicos.",
           "En la empresa de mi hermano hay {g} en puestos de todos los niveles.",
           "El historiador recuerda que {g} ya vivían en la ciudad a principios del siglo pasado.",
           "El reportaje de la tele autonómica sobre {g} y la vivienda fue claro y estaba bien documentado.",
           "Según el informe, {g} estudian de media lo mismo que el resto de la población.",
           "Las asociaciones que apoyan a {g} han pedido una reunión con el delegado del Gobierno.",
           "Me he leído el informe entero: {g} siguen estando poco representados en los ayuntamientos.",
           "El club de fútbol tiene entrenadores voluntarios entre {g} desde hace años.",
           "No entiendo por qué el artículo pone el foco en {g}, el tema de fondo son los presupuestos.",
           "¿Alguien sabe si {g} también pueden pedir la nueva ayuda de la comunidad?",
           "¿La encuesta preguntó directamente a {g} o solo a los concejales?",
           "La nueva línea de autobús pasa por el barrio donde viven muchas familias, también {g}.",
           "El sondeo dice que lo que más preocupa a {g} es llegar a fin de mes, como a todo el mundo.",
           "En la junta de distrito, {g} propusieron poner bancos al lado del colegio.",
           "La película sigue a tres generaciones y trata a {g} con mucho matiz.",
           "El debate sobre la escuela pública afecta a {g} igual que a cualquier otra familia.",
           "Mi vecina da clases de repaso y ayuda tanto a {g} como a los demás.",
           "Trabajo en la Seguridad Social: {g} vienen a hacer los mismos trámites que todos.",
           "En la muestra del centro cívico hay retratos de {g} del barrio, merece la pena ir."),
}  # fmt: skip

#: Defences of a group and calm replies to prejudice against it. All clear.
DEFENCE: dict[str, tuple[str, ...]] = {
    "fr": ("{g} ne méritent pas d'être pointés du doigt à chaque fait divers.",
           "Je défendrai toujours {g} contre ce genre de généralisation.",
           "Arrêtez de cracher sur {g}, ce sont des gens comme vous et moi.",
           "Ceux qui tapent sur {g} n'en ont souvent jamais croisé un seul.",
           "Les commentaires sur {g} sous cet article me font honte, un peu de respect.",
           "{g} ont autant leur place ici que n'importe qui, que ça plaise ou non.",
           "Quand on s'en prend à {g}, on s'en prend à nous tous.",
           "Je suis fière d'habiter une ville où {g} se sentent chez eux.",
           "Il faut protéger {g} du harcèlement en ligne, ce n'est pas négociable.",
           "Je refuse qu'on fasse de {g} les responsables de tout ce qui va mal.",
           "Qu'on critique le gouvernement, d'accord, mais laissez {g} tranquilles.",
           "Mes collègues parmi {g} sont parmi les plus sérieux de l'équipe, ces clichés sont ridicules."),
    "es": ("{g} no merecen que se les señale cada vez que pasa algo.",
           "Siempre voy a defender a {g} de este tipo de generalizaciones.",
           "Dejad de escupir sobre {g}, son gente como vosotros y como yo.",
           "Los que la toman con {g} muchas veces no conocen a ninguno.",
           "Los comentarios sobre {g} en esta noticia me dan vergüenza ajena, un poco de respeto.",
           "{g} tienen tanto derecho a estar aquí como cualquiera, guste o no.",
           "Cuando se ataca a {g}, se nos ataca a todos.",
           "Estoy orgullosa de vivir en una ciudad donde {g} se sienten en casa.",
           "Hay que proteger a {g} del acoso en redes, eso no se negocia.",
           "No acepto que se cargue sobre {g} la culpa de cada problema.",
           "Criticad al Gobierno lo que queráis, pero dejad en paz a {g}.",
           "Mis compañeros de trabajo que son {g} están entre los más serios del equipo, esos tópicos son ridículos."),
}  # fmt: skip

#: Prejudice denied or negated. All clear.
NEGATED: dict[str, tuple[str, ...]] = {
    "fr": ("Dire que {g} sont des fainéants, c'est faux, et en plus c'est injuste.",
           "Non, {g} ne viennent pas pour voler : ils viennent travailler, comme nos grands-parents avant eux.",
           "Je ne déteste pas {g}, je ne les ai jamais détestés et ça ne changera pas.",
           "{g} ne sont une menace pour personne, arrêtons avec ça.",
           "Jamais je ne dirai que {g} sont inférieurs, tout simplement parce que c'est faux.",
           "Je ne crois pas une seconde que {g} soient pires que les autres.",
           "Ce n'est pas vrai que {g} refusent de s'intégrer, les enquêtes disent le contraire.",
           "Voir {g} comme des voyous nés, c'est un cliché paresseux, rien de plus."),
    "es": ("Decir que {g} son unos vagos es falso, y además injusto.",
           "No, {g} no vienen a robar: vienen a trabajar, como hicieron nuestros abuelos en Alemania.",
           "Yo no odio a {g}, nunca los he odiado y no va a cambiar.",
           "{g} no ponen en peligro a nadie, basta ya de ese discurso.",
           "Jamás diré que {g} son inferiores, sencillamente porque no es verdad.",
           "No me creo ni por un segundo que {g} sean peores que los demás.",
           "No es cierto que {g} no quieran integrarse, las encuestas dicen lo contrario.",
           "{g} no son delincuentes por naturaleza, eso es un prejuicio y nada más."),
}  # fmt: skip

#: Counter-speech that quotes a hateful slogan (``{q}``, from :data:`SLOGANS`) to reject
#: it. All clear.
QUOTED: dict[str, tuple[str, ...]] = {
    "fr": ("Lu sur un mur de la gare : « {q} ». Signalé à la mairie, effacé le soir même.",
           "Quand j'entends « {q} » au comptoir, je paie et je m'en vais. Ça ne passe plus.",
           "Un type a hurlé « {q} » dans le tram, et trois passagers l'ont remis à sa place.",
           "« {q} » : ce genre de phrase n'a rien à faire sous un article, modération svp.",
           "Mon grand-père répétait « {q} », on a mis des années à lui faire comprendre que c'était faux.",
           "Écrire « {q} » sur une banderole, ce n'est pas de la liberté d'expression, c'est de la haine.",
           "J'ai reçu « {q} » en message privé après mon commentaire d'hier. Capture faite, plainte déposée."),
    "es": ("Leído en una pared de la estación: «{q}». Ya lo he denunciado al ayuntamiento.",
           "Cuando oigo «{q}» en la barra del bar, pago y me voy. Ya no lo aguanto.",
           "Un tío gritó «{q}» en el autobús y tres pasajeros le pararon los pies.",
           "«{q}»: ese tipo de frases no pintan nada debajo de una noticia, moderación por favor.",
           "Mi abuelo repetía «{q}» y nos costó años hacerle ver que era mentira.",
           "Poner «{q}» en una pancarta no es libertad de expresión, es odio.",
           "Me escribieron «{q}» por privado después de mi comentario de ayer. Captura hecha y denuncia puesta."),
}  # fmt: skip
SLOGANS: dict[str, tuple[str, ...]] = {
    "fr": ("{g} à la porte", "{g}, des sous-hommes", "qu'on renvoie {g} chez eux",
           "{g} = racaille", "{g} nous envahissent"),
    "es": ("{g} a la calle", "{g} no son personas", "que echen a {g}",
           "{g}, todos delincuentes", "{g} nos invaden"),
}  # fmt: skip

#: Swearing at no one, and harsh words about things or events: clear on toxicity,
#: identity attack, insult and threat; profanity left unlabelled.
SWEARING: dict[str, tuple[str, ...]] = {
    "fr": ("Putain de bouchons, trois heures pour faire cinquante bornes.",
           "Merde, j'ai encore raté le dernier train, je vais dormir chez ma sœur.",
           "Bordel, c'est quoi cette facture d'électricité ?",
           "Fait chier, la pluie a ruiné le barbecue.",
           "Ah la vache, il caille ce matin.",
           "Putain, trente ans que j'attendais ce titre, je chiale.",
           "Merde, la batterie du téléphone est déjà à plat.",
           "Ce match était une vraie purge, quel ennui, bordel.",
           "L'appli de la banque a encore planté, quelle daube, j'ai perdu une heure.",
           "Mon imprimante est une saloperie, elle bourre à chaque page.",
           "Quelle connerie, ce nouveau rond-point, personne ne sait comment le prendre.",
           "Putain de moustiques, impossible de fermer l'œil.",
           "Ce film est nul à chier, j'ai dormi au bout de vingt minutes.",
           "Le formulaire en ligne est foutu, ça bugge à la dernière étape, putain.",
           "Bordel de merde, j'ai encore marché dans une flaque.",
           "Cette météo de merde, on se croirait en novembre.",
           "Merde alors, je ne m'attendais pas à cette fin.",
           "Putain que c'est beau, la vue depuis le sommet."),
    "es": ("Joder con los atascos, tres horas para hacer cincuenta kilómetros.",
           "Mierda, he vuelto a perder el último tren, me quedo en casa de mi hermana.",
           "Hostia, ¿qué es esta factura de la luz?",
           "Qué mierda, la lluvia nos ha jodido la barbacoa.",
           "Coño, qué frío hace esta mañana.",
           "Joder, treinta años esperando este título, estoy llorando.",
           "Mierda, el móvil ya se ha quedado sin batería.",
           "Vaya partido de mierda, qué aburrimiento, joder.",
           "La aplicación de Renfe es una puta mierda, se cuelga cada dos por tres.",
           "La impresora es una porquería, se atasca en cada hoja.",
           "Menuda chapuza la nueva rotonda, nadie sabe por dónde meterse.",
           "Putos mosquitos, no hay quien pegue ojo.",
           "La película es un truño, me dormí a los veinte minutos.",
           "El formulario online está roto, falla en el último paso, me cago en todo.",
           "Me cago en la leche, he vuelto a pisar un charco.",
           "Qué tiempo de mierda, parece noviembre.",
           "Hostia, no me esperaba ese final para nada.",
           "Joder, qué vistas más bonitas desde la cima."),
}  # fmt: skip

#: Attacks on a group (``{g}``), one tuple per phenomenon: implicit derogation (a
#: stereotype stated or implied, no slur), hate asked as a question, sarcasm at the group.
ATTACKS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "implicit": (
            "{g} ne savent pas se tenir, dès qu'ils sont trois ça devient la jungle.",
            "Embaucher {g} ? Autant embaucher personne, le résultat est le même.",
            "{g} vivent aux crochets de la société depuis toujours, ça se transmet de père en fils.",
            "Je préfère encore un chien dans mon salon que {g}.",
            "{g} n'ont jamais rien inventé, il faudra bien un jour le reconnaître.",
            "On voit tout de suite quand {g} ont pris possession d'un immeuble : les boîtes aux lettres défoncées.",
            "{g} ont ça dans le sang, la magouille.",
            "Un bon job pour {g} ? Vendeur à la sauvette, c'est tout ce qu'ils savent faire.",
            "{g} sont toujours les premiers à réclamer et les derniers à bosser.",
            "Dans un pays normal, {g} resteraient à leur place.",
            "Une fois que {g} s'installent quelque part, il n'y a plus qu'à déménager.",
            "Laisser {g} élever des enfants, franchement, c'est irresponsable.",
            "{g} sont faits pour obéir, pas pour diriger.",
            "Tu parles d'une promotion, ils ont mis {g} à la tête du service, bonjour la catastrophe.",
            "Mon chat est plus propre que {g}.",
            "{g} ne pensent qu'à profiter, c'est culturel."),
        "question": (
            "Pourquoi {g} sont-ils toujours mêlés aux histoires de trafic ?",
            "Vous trouvez normal que {g} aient plus de droits que les Français ?",
            "Depuis quand {g} ont leur mot à dire chez nous ?",
            "À part brûler des voitures, {g} savent faire quoi exactement ?",
            "On attend quoi pour fermer la porte à {g} une bonne fois pour toutes ?",
            "Qui a eu l'idée géniale de laisser entrer {g} ?",
            "{g} sont-ils seulement capables de travailler sans tricher ?",
            "Pourquoi devrait-on payer pour {g} qui ne foutent rien ?",
            "Quelqu'un a déjà vu {g} respecter une loi ?",
            "C'est quand qu'on se débarrasse de {g} ?"),
        "sarcasm": (
            "Génial, encore {g} à la une, ça faisait longtemps qu'on ne nous avait pas gâtés.",
            "Ah, {g}, toujours aussi charmants, surtout le soir dans le métro.",
            "Magnifique, {g} nous font encore la leçon sur la tolérance, j'en pleure de rire.",
            "Oh mais bien sûr, {g} sont des anges, c'est le quartier qui les rend méchants.",
            "Chapeau bas, {g}, vous avez réussi à transformer la ville en décharge.",
            "Les braves petits {g}, toujours là quand il s'agit de toucher les allocs.",
            "Quelle chance on a d'avoir {g}, sans eux on s'ennuierait au commissariat.",
            "Vive {g} et leur sens inné du partage, surtout du bien des autres.",
            "Trop mignons, {g} qui découvrent qu'il existe des règles, c'est émouvant.",
            "Merveilleux, {g} vont nous apprendre à vivre, on attendait que ça."),
    },
    "es": {
        "implicit": (
            "{g} no saben comportarse, en cuanto se juntan tres aquello es la selva.",
            "¿Contratar a {g}? Es como no contratar a nadie, el resultado es el mismo.",
            "{g} viven de la sopa boba desde siempre, eso se hereda de padres a hijos.",
            "Prefiero tener un perro en el salón antes que a {g}.",
            "{g} nunca han inventado nada, algún día habrá que reconocerlo.",
            "Se nota enseguida cuando {g} se adueñan de un edificio: los buzones reventados.",
            "{g} llevan el chanchullo en la sangre.",
            "¿Un buen trabajo para {g}? El top manta, es lo único que saben hacer.",
            "{g} siempre son los primeros en pedir y los últimos en trabajar.",
            "En un país normal, {g} estarían en su sitio.",
            "En cuanto {g} se instalan en un sitio, ya solo queda mudarse.",
            "Dejar que {g} críen a niños, sinceramente, es una irresponsabilidad.",
            "{g} están hechos para obedecer, no para mandar.",
            "Vaya ascenso, han puesto a {g} al frente del departamento, ya verás qué desastre.",
            "Mi gato es más limpio que {g}.",
            "{g} solo piensan en aprovecharse, es cultural."),
        "question": (
            "¿Por qué {g} siempre están metidos en líos de trapicheo?",
            "¿Os parece normal que {g} tengan más derechos que los españoles?",
            "¿Desde cuándo {g} tienen algo que decir en nuestra casa?",
            "Aparte de quemar contenedores, ¿qué saben hacer {g} exactamente?",
            "¿A qué esperamos para cerrarle la puerta a {g} de una vez?",
            "¿A quién se le ocurrió la genial idea de dejar entrar a {g}?",
            "¿Son {g} capaces de trabajar sin hacer trampas?",
            "¿Por qué tenemos que pagar nosotros a {g}, que no dan palo al agua?",
            "¿Alguien ha visto alguna vez a {g} cumplir una ley?",
            "¿Cuándo nos libramos de {g}?"),
        "sarcasm": (
            "Genial, otra vez {g} en portada, hacía tiempo que no nos alegraban el día.",
            "Ay, {g}, siempre tan encantadores, sobre todo de noche en el metro.",
            "Maravilloso, {g} dándonos lecciones de tolerancia, me parto de risa.",
            "Pues claro, {g} son unos angelitos, es el barrio el que los vuelve malos.",
            "Enhorabuena, {g}, habéis conseguido convertir la ciudad en un vertedero.",
            "Los pobrecitos {g}, siempre puntuales cuando toca cobrar la paguita.",
            "Qué suerte tenemos con {g}, sin ellos la comisaría sería un aburrimiento.",
            "Vivan {g} y su innato sentido del reparto, sobre todo de lo ajeno.",
            "Qué monos, {g} descubriendo que existen las normas, es emocionante.",
            "Maravilloso, {g} nos van a enseñar a vivir, lo estábamos deseando."),
    },
}  # fmt: skip

#: Explicit attacks with the key word to misspell: (frame, word in the frame).
EXPLICIT: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("{g} vivent comme des parasites sur notre dos.", "parasites"),
           ("{g}, c'est de la vermine, rien d'autre.", "vermine"),
           ("Dehors {g}, bande de sauvages.", "sauvages"),
           ("{g} sont des porcs, tous autant qu'ils sont.", "porcs"),
           ("{g}, quelle racaille, il faut les virer.", "racaille"),
           ("{g} sont des déchets, il faut nettoyer le pays.", "déchets"),
           ("{g}, ces sales profiteurs, rentrez chez vous.", "sales"),
           ("{g} sont des sous-merdes, point.", "sous-merdes"),
           ("Je hais {g}, qu'ils crèvent tous.", "hais"),
           ("{g} sont des animaux, pas des êtres humains.", "animaux"),
           ("{g}, bande de dégénérés.", "dégénérés"),
           ("{g} sont des ordures, j'en ai marre de les voir.", "ordures")),
    "es": (("{g} son parásitos que chupan del país.", "parásitos"),
           ("{g} son una alimaña, nada más.", "alimaña"),
           ("Fuera {g}, panda de salvajes.", "salvajes"),
           ("{g} son unos cerdos, todos ellos.", "cerdos"),
           ("{g}, qué chusma, hay que echarlos.", "chusma"),
           ("{g} son basura, hay que limpiar el país.", "basura"),
           ("{g}, esos putos vagos, volved a vuestra tierra.", "putos"),
           ("{g} son mierda, punto.", "mierda"),
           ("Odio a {g}, ojalá se mueran todos.", "Odio"),
           ("{g} son animales, no personas.", "animales"),
           ("{g}, panda de degenerados.", "degenerados"),
           ("{g} son escoria, estoy harto de verlos.", "escoria")),
}  # fmt: skip

#: Coded hate and dog whistles: a code word, a number or a trope names the target.
CODED: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("Encore un jeune de quartier qui a joué du couteau, le prénom ne sera pas donné, évidemment.", "nationality_migration"),
           ("Les Français de souche vont bientôt devenir une minorité dans leur propre pays, réveillez-vous.", "nationality_migration"),
           ("Le plan Kalergi se déroule exactement comme prévu.", "nationality_migration"),
           ("Les (((banquiers))) ont encore gagné, comme d'habitude.", "jews"),
           ("Toujours les mêmes noms en -stein et en -berg au conseil d'administration, bizarre.", "jews"),
           ("La finance apatride dicte sa loi à nos gouvernants.", "jews"),
           ("Les barbus du quartier imposent leur loi, la République a capitulé.", "muslims"),
           ("La taqiya, ils la pratiquent tous, ne vous laissez pas avoir.", "muslims"),
           ("On ne dit plus le Moyen-Orient, on dit Saint-Denis.", "arabs"),
           ("Quatorze mots et quatre-vingt-huit, ceux qui savent savent.", "race_ethnicity"),
           ("La cinquième colonne est déjà dans nos murs, il suffit de voir les prières de rue.", "muslims"),
           ("Les chances pour la France ont encore cramé une école, merci le vivre-ensemble.", "nationality_migration"),
           ("Les gens du voyage sont passés, plus un seul câble de cuivre dans le village.", "race_ethnicity"),
           ("L'idéologie du genre est une maladie mentale qu'on inocule à nos enfants.", "gender"),
           ("Les féminazies veulent castrer tous les hommes.", "women"),
           ("Encore un migrant mineur de trente-cinq ans qui a poignardé quelqu'un.", "nationality_migration"),
           ("La racaille importée fait la loi dans les cités, merci les élites.", "nationality_migration"),
           ("Les youyous au mariage, les drapeaux étrangers sur les Champs, voilà la France de demain.", "arabs")),
    "es": (("Otro joven de barrio que sacó el cuchillo, y la nacionalidad no se dice, claro.", "nationality_migration"),
           ("Los españoles de toda la vida vamos a ser minoría en nuestro propio país, despertad.", "nationality_migration"),
           ("El plan Kalergi va exactamente según lo previsto.", "nationality_migration"),
           ("Los (((banqueros))) han vuelto a ganar, como siempre.", "jews"),
           ("Siempre los mismos apellidos en los consejos de administración, qué casualidad.", "jews"),
           ("La usura apátrida manda sobre nuestros gobernantes.", "jews"),
           ("Los barbudos del barrio imponen su ley y el Estado mira para otro lado.", "muslims"),
           ("La taqiyya la practican todos, no os dejéis engañar.", "muslims"),
           ("Ya no es Lavapiés, es Marrakech.", "arabs"),
           ("Catorce palabras y ochenta y ocho, quien sabe, sabe.", "race_ethnicity"),
           ("La quinta columna ya está dentro, solo hay que ver los rezos en la calle.", "muslims"),
           ("Los menas han vuelto a quemar un colegio, gracias multiculturalidad.", "nationality_migration"),
           ("Pasaron los de los clanes y no queda ni un cable de cobre en el pueblo.", "race_ethnicity"),
           ("La ideología de género es una enfermedad mental que les meten a nuestros hijos.", "gender"),
           ("Las charos feministas quieren castrar a todos los hombres.", "women"),
           ("Otro menor no acompañado de treinta y cinco años que ha apuñalado a alguien.", "nationality_migration"),
           ("La chusma importada manda en los barrios, gracias a las élites.", "nationality_migration"),
           ("Moromierda por aquí, moromierda por allá, así está el barrio.", "arabs")),
}  # fmt: skip

#: Insults of one person: insult, no group.
INSULTS: dict[str, tuple[str, ...]] = {
    "fr": ("T'es qu'un pauvre minable qui crache sa bile derrière son écran.",
           "Le rédacteur de ce torchon est un guignol incompétent.",
           "Ferme ta gueule, abruti, personne ne t'a sonné.",
           "Toi, t'es vraiment le roi des cons.",
           "Quelle tête de nœud, ce maire.",
           "T'es un gros naze, retourne sur Facebook.",
           "Espèce de larbin, tu lèches les bottes du patron.",
           "Pauvre con, t'as même pas lu l'article.",
           "Ce député est un minable et un menteur.",
           "T'es lourd, crétin."),
    "es": ("No eres más que un pobre desgraciado que suelta bilis detrás de la pantalla.",
           "El autor de este artículo es un payaso sin ninguna idea.",
           "Cállate ya, imbécil, que nadie te ha preguntado.",
           "Tú eres el rey de los gilipollas.",
           "Menudo capullo está hecho el alcalde.",
           "Eres un pringado, vuelve a Facebook.",
           "Lameculos, que no haces otra cosa que pelotear al jefe.",
           "Pobre idiota, ni te has leído la noticia.",
           "Este diputado es un mierda y un mentiroso.",
           "Eres un pesado, tarado."),
}  # fmt: skip

#: How many nouns fill each calm frame and each attack frame (in turn, so every noun is
#: used): calm frames take more, so every noun meets calm use at least as often as attack.
CALM_NOUNS_PER_FRAME = 4
ATTACK_NOUNS_PER_FRAME = 2


def word_variants(word: str) -> tuple[str, ...]:
    """A hateful word misspelt five ways, in a fixed order: two middle letters swapped,
    a middle letter dropped, spaced out, leetspeak, and (marked by a leading space) run
    into the word before it."""
    mid = len(word) // 2
    swapped = word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]
    dropped = word[:mid] + word[mid + 1 :]
    spaced = " ".join(word)
    leet = word.translate(str.maketrans("aeiosAEIOS", "4310$43105"))
    return (swapped, dropped, spaced, leet, " " + word)


def _misspelt(text: str, word: str, trick: int) -> str:
    """``text`` with ``word`` misspelt by the ``trick``-th :func:`word_variants`."""
    variant = word_variants(word)[trick % 5]
    if not variant.startswith(" "):
        return text.replace(word, variant, 1)
    # spaces removed: run the word into the one before it (or, first, the one after it)
    at = text.find(word)
    if at > 0 and text[at - 1] == " ":
        return text[: at - 1] + text[at:]
    end = at + len(word)
    return text[:end] + text[end + 1 :] if text[end : end + 1] == " " else text


def _attack_labels(group: str) -> dict[str, float]:
    labels = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0, "threat": 0.0}
    labels.update(target_labels({group}))
    return labels


def round_five_rows(
    language: str, out: LabelledRows, misspell: Callable[[str], tuple[str, ...]]
) -> None:
    """Add the round-five rows for a language that has them (French and Spanish);
    ``misspell``: a group noun's misspellings (``templates_languages.obfuscations``)."""
    if language not in NOUNS:
        return
    nouns = NOUNS[language]
    c = CALM_NOUNS_PER_FRAME
    calm = (*NEUTRAL[language], *DEFENCE[language], *NEGATED[language])
    for i, frame in enumerate(calm):
        for j in range(c):
            _group, noun = nouns[(i * c + j) % len(nouns)]
            out.add(fill_group(frame, noun), "train", all_clear())
    slogans = SLOGANS[language]
    for i, frame in enumerate(QUOTED[language]):
        for j in range(c):
            _group, noun = nouns[(i * c + j + 2) % len(nouns)]
            quote = fill_group(slogans[(i + j) % len(slogans)], noun)
            out.add(frame.replace("{q}", quote), "train", all_clear())
    swearing = {"toxicity": 0.0, "identity_attack": 0.0, "insult": 0.0, "threat": 0.0}
    swearing.update(no_target())
    for text in SWEARING[language]:
        out.add(text, "train", dict(swearing))
    k = ATTACK_NOUNS_PER_FRAME
    frames = [f for phenomenon in ATTACKS[language].values() for f in phenomenon]
    for i, frame in enumerate(frames):
        for j in range(k):
            group, noun = nouns[(i * k + j + 1) % len(nouns)]
            out.add(fill_group(frame, noun), "train", _attack_labels(group))
    for i, (frame, word) in enumerate(EXPLICIT[language]):
        for j in range(k):
            group, noun = nouns[(i * k + j + 3) % len(nouns)]
            text = fill_group(frame, noun)
            out.add(text, "train", _attack_labels(group))
            n = i * k + j
            out.add(_misspelt(text, word, n), "train", _attack_labels(group))
            variants = misspell(noun)
            if variants:
                bad_noun = fill_group(frame, variants[n % len(variants)])
                out.add(bad_noun, "train", _attack_labels(group))
    for text, group in CODED[language]:
        out.add(text, "train", _attack_labels(group))
    for text in INSULTS[language]:
        labels = {"toxicity": 1.0, "insult": 1.0, "identity_attack": 0.0, "threat": 0.0}
        labels.update(no_target())
        out.add(text, "train", labels)

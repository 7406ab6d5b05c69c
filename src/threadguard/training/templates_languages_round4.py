"""Round four of the team's training templates for French and Spanish
(threadguard-fast-xx@4): calm news-style comments that name groups, nations and religions,
and attacks in the registers rounds two and three left weak.

French has one labelled set, MLMA (tweets sampled by group keywords, 80% hostile): almost
no calm French sentence names a group, so the model met a group noun mostly in hate and
scored every such sentence alike (suite at @3: calm mentions 0.17-0.23 toxicity, implicit
derogation and coded hate 0.15-0.18). Spanish has no labelled set at all, and its calm
mentions scored as high as its attacks (0.30-0.45 against a 0.41 hold). These rows add
many calm comments in the style of a news site's readers (reports, figures, local life,
policy argued civilly, rejections and denials of prejudice), filled with more group nouns
than the earlier rounds use, and attacks with the same nouns in the phenomena the suites
name (implicit derogation, coded hate, hate asked as a question or stated as an opinion,
dehumanising metaphors, sarcasm at a group), plus misspelt copies of some attacks.

Written from the phenomena's names only, not from the suites' sentences, in each language's
own idiom. Training rows only: ``templates_languages.overlap_with_suites`` and a
five-word-run test check that no sentence and no five-word run is shared with a suite. The
suites are therefore not a blind test of these phenomena: the templates were written
knowing which functionalities they measure.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from threadguard.training.augment import spelled_badly
from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import all_clear, fill_group, no_target, target_labels

#: More group nouns than rounds one to three fill their frames with (schema group, noun as
#: the sentence's subject or object). No slur: the calm frames take every one of them.
NOUNS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("muslims", "les musulmans"), ("jews", "les Juifs"), ("black_people", "les Noirs"),
           ("nationality_migration", "les immigrés"), ("women", "les femmes"),
           ("sexual_orientation", "les homosexuels"), ("arabs", "les Maghrébins"),
           ("nationality_migration", "les réfugiés"), ("race_ethnicity", "les Roms"),
           ("black_people", "les Africains"), ("sexual_orientation", "les gays"),
           ("nationality_migration", "les étrangers"), ("asians", "les Asiatiques"),
           ("arabs", "les Arabes"), ("muslims", "les musulmanes"),
           ("sexual_orientation", "les lesbiennes")),
    "es": (("muslims", "los musulmanes"), ("jews", "los judíos"), ("black_people", "los negros"),
           ("nationality_migration", "los inmigrantes"), ("women", "las mujeres"),
           ("sexual_orientation", "los homosexuales"), ("arabs", "los árabes"),
           ("nationality_migration", "los refugiados"), ("race_ethnicity", "los gitanos"),
           ("black_people", "los africanos"), ("sexual_orientation", "las lesbianas"),
           ("nationality_migration", "los extranjeros"), ("latinx", "los latinos"),
           ("asians", "los chinos"), ("sexual_orientation", "los gais"),
           ("nationality_migration", "los migrantes")),
}  # fmt: skip

#: Calm comments of a news site's readers that name a group (``{g}``): reports, figures,
#: local life, policy argued without contempt. All clear.
NEWS_CALM: dict[str, tuple[str, ...]] = {
    "fr": ("Selon les chiffres de l'Insee, la création d'entreprises progresse nettement chez {g}.",
           "Le reportage sur {g} de la vallée m'a appris beaucoup de choses.",
           "La mairie organise samedi une rencontre avec {g} du quartier.",
           "Le ministre a échangé hier avec des associations représentant {g} sur l'emploi.",
           "Je trouve que l'article parle de {g} avec justesse et sans caricature.",
           "Dans ma rue, {g} tiennent la boulangerie et le café depuis vingt ans.",
           "Le documentaire suit {g} qui se lancent dans l'agriculture bio.",
           "Une exposition au musée d'histoire raconte comment {g} ont façonné Marseille.",
           "Les chiffres du chômage chez {g} ont baissé cette année, tant mieux.",
           "Sur ce sujet, le point de vue porté par {g} mérite d'être entendu.",
           "La loi concerne aussi {g}, il serait bien de leur donner la parole.",
           "J'ai grandi avec {g} comme voisins, rien à signaler, la vie normale.",
           "Au festival, {g} de la région ont présenté leurs créations.",
           "L'enquête montre que {g} votent de façon très variée, comme tout le monde.",
           "Au club de rugby, {g} font partie des bénévoles les plus fidèles.",
           "Avec {g} du collectif, on a repeint l'école le week-end dernier.",
           "Le débat de ce soir réunit des élus et {g} engagés dans les associations.",
           "Bon article, on entend rarement {g} raconter leur quotidien.",
           "La conférence sur {g} au XIXe siècle était passionnante.",
           "Je ne partage pas l'avis du journaliste sur la réforme, mais {g} n'y sont pour rien.",
           "Le sondage ne dit pas grand-chose sur {g}, l'échantillon est trop petit.",
           "Ma fille fait son service civique dans une structure qui aide {g} dans leurs démarches.",
           "Le maire a rappelé que {g} ont droit aux mêmes services que les autres habitants.",
           "Le livre donne la parole à {g} qui ont connu la guerre.",
           "Ce quartier a accueilli {g} dans les années soixante, puis d'autres familles.",
           "Intéressant de lire comment {g} vivent la hausse des loyers.",
           "Je travaille avec {g} depuis des années, aucun souci.",
           "Le journal consacre un dossier à {g} qui s'engagent en politique locale."),
    "es": ("Los datos del INE dicen que el número de autónomos crece con fuerza entre {g}.",
           "El reportaje sobre {g} del valle me ha enseñado mucho.",
           "El ayuntamiento organiza el sábado un encuentro con {g} del barrio.",
           "La ministra se reunió ayer con representantes de {g} para hablar de empleo.",
           "Me parece que el artículo habla de {g} con rigor y sin caricaturas.",
           "En mi calle, {g} llevan la panadería y el bar desde hace veinte años.",
           "El documental sigue a {g} que se dedican a la agricultura ecológica.",
           "Una exposición recorre la historia de {g} en Andalucía.",
           "Las cifras del paro entre {g} han bajado este año, menos mal.",
           "En este tema, lo que plantean {g} merece ser escuchado.",
           "La ley también afecta a {g}, estaría bien darles voz.",
           "Me crié con {g} de vecinos, nada que contar, vida normal.",
           "El festival ha dado espacio a artistas de la zona, entre ellos {g}.",
           "La encuesta muestra que {g} votan de forma muy variada, como todo el mundo.",
           "El club de baloncesto tiene a {g} entre sus mejores voluntarios.",
           "Con {g} del colectivo pintamos el colegio el fin de semana pasado.",
           "El debate de esta noche reúne a concejales y a {g} que participan en asociaciones.",
           "Buen artículo, pocas veces se oye a {g} contar su día a día.",
           "La conferencia sobre {g} en el siglo XIX fue fascinante.",
           "No comparto la opinión del periodista sobre la reforma, pero {g} no tienen nada que ver.",
           "El sondeo dice poco sobre {g}, la muestra es demasiado pequeña.",
           "Mi hija hizo prácticas en una asociación que acompaña a {g}.",
           "La alcaldesa recordó que {g} tienen derecho a los mismos servicios que cualquier vecino.",
           "El libro da voz a {g} que vivieron la guerra.",
           "Este barrio acogió a {g} en los años sesenta, y luego a otras familias.",
           "Interesante leer cómo viven {g} la subida de los alquileres.",
           "Trabajo con {g} desde hace años, ningún problema.",
           "El periódico dedica un especial a {g} que se meten en política local."),
}  # fmt: skip

#: Calm news comments naming a nation, a religion or a city's communities, no ``{g}``.
NEWS_FIXED: dict[str, tuple[str, ...]] = {
    "fr": ("Le ramadan commence cette semaine, la mosquée du centre ouvre ses portes au public.",
           "La synagogue de la rue Victor-Hugo fête ses cent ans, bel anniversaire.",
           "Le pape se rend au Maroc en mars, une première depuis longtemps.",
           "L'Algérie et la France ont signé un accord sur les visas étudiants.",
           "Le Sénégal a gagné le match, bravo à eux, quelle équipe.",
           "La communauté turque de Strasbourg organise une collecte pour les sinistrés.",
           "Israël et ses voisins reprennent les discussions, on verra ce que ça donne.",
           "L'islam est la deuxième religion du pays selon cette étude.",
           "Le judaïsme, le christianisme et l'islam ont en commun la figure d'Abraham.",
           "Les catholiques du diocèse se réunissent pour la fête de la paroisse.",
           "Le consulat du Mali est fermé lundi pour un jour férié.",
           "Le nouvel imam de la ville a été reçu par le préfet et l'évêque.",
           "La marche des fiertés passera par les quais dimanche.",
           "Le musée consacre une salle à l'immigration italienne et polonaise.",
           "La Chine reste le premier partenaire commercial de la région.",
           "Les écoles coraniques et les écoles privées catholiques suivent le même programme ici.",
           "Les commerçants chinois du XIIIe préparent le Nouvel An lunaire.",
           "La Roumanie entre dans l'espace Schengen, ça change quoi pour les routiers ?",
           "Le Liban traverse une crise terrible, pensées aux familles.",
           "La journée de la femme, c'est aussi l'occasion de parler des salaires."),
    "es": ("Empieza el ramadán y la mezquita del centro abre sus puertas al público.",
           "La sinagoga de la calle Mayor cumple cien años, enhorabuena.",
           "El papa viajará a Marruecos en marzo, algo que no pasaba desde hace tiempo.",
           "Argelia y España han firmado un acuerdo sobre el gas.",
           "Senegal ganó el partido, bien por ellos, vaya equipo.",
           "La comunidad rumana de Castellón organiza una recogida de alimentos.",
           "Israel y sus vecinos retoman las conversaciones, a ver qué sale.",
           "El islam es la segunda religión del país según este estudio.",
           "Judaísmo, cristianismo e islam comparten la figura de Abraham.",
           "Los católicos de la diócesis se reúnen para las fiestas de la parroquia.",
           "El consulado de Ecuador cierra el lunes por festivo.",
           "El nuevo imán de la ciudad fue recibido por el alcalde y el obispo.",
           "El desfile del Orgullo pasará por la Gran Vía el sábado.",
           "El museo dedica una sala a la emigración gallega a Argentina.",
           "China sigue siendo el primer socio comercial de la región.",
           "Los comercios chinos de Usera preparan el Año Nuevo lunar.",
           "Colombia y Venezuela reabren la frontera, buena noticia para las familias.",
           "El Líbano atraviesa una crisis terrible, ánimo a las familias.",
           "El Día de la Mujer también sirve para hablar de la brecha salarial.",
           "Los gitanos llegaron a la península en el siglo XV, según el historiador."),
}  # fmt: skip

#: Calm sentences that name a group to deny a prejudice, defend the group, or report and
#: condemn an attack on it, in new wordings. All clear.
DEFENCE: dict[str, tuple[str, ...]] = {
    "fr": ("Mettre tous {g} dans le même sac, c'est exactement ce qu'il ne faut pas faire.",
           "Non, {g} n'expliquent pas la hausse de la délinquance, les études sont formelles.",
           "Rien ne prouve que {g} profitent plus des aides que les autres.",
           "Ceux qui accusent {g} de tous les maux devraient lire les chiffres.",
           "Un tag visant {g} a été effacé par les habitants dès le lendemain.",
           "Le tribunal a condamné l'auteur de messages haineux contre {g}.",
           "Je ne laisserai personne dire que {g} valent moins que nous.",
           "Cette rumeur sur {g} est fausse, le journal a vérifié.",
           "Soutien total à {g} visés par cette campagne de harcèlement.",
           "Les propos du candidat sur {g} sont indignes, et je le dis en tant qu'électeur de droite.",
           "Faire porter le chapeau à {g} pour chaque problème, ça suffit."),
    "es": ("Meter a todos {g} en el mismo saco es justo lo que no hay que hacer.",
           "No, {g} no tienen la culpa de la delincuencia, los estudios lo dejan claro.",
           "Nada demuestra que {g} cobren más ayudas que los demás.",
           "Los que culpan a {g} de todos los males deberían mirar los datos.",
           "Los vecinos borraron al día siguiente una pintada contra {g}.",
           "El juez ha condenado al autor de mensajes de odio contra {g}.",
           "No voy a dejar que nadie diga que {g} valen menos que nosotros.",
           "Ese bulo sobre {g} es falso, el periódico lo ha comprobado.",
           "Todo mi apoyo a {g} que sufren esta campaña de acoso.",
           "Lo que dijo el candidato sobre {g} es indigno, y lo digo siendo votante de derechas.",
           "Hay que dejar de usar a {g} como chivo expiatorio."),
}  # fmt: skip

#: Hate quoted in order to reject it (``{q}``: a hateful slogan about a group, filled from
#: :data:`SLOGANS`), and hate words negated or denied: all clear. Spanish held both at @3
#: (the slogan's words and a negated slur scored as the attack itself).
QUOTED: dict[str, tuple[str, ...]] = {
    "fr": ("Un élu a osé écrire \"{q}\" sur son compte, il doit démissionner.",
           "« {q} », voilà ce qu'on entendait dans le stade. La honte absolue.",
           "Les mots \"{q}\" sur la vitrine du kebab ont choqué tout le quartier.",
           "Je cite le message reçu par l'association : « {q} ». Plainte déposée.",
           "Répondre \"{q}\" à un article sur la crèche, sérieusement, quelle tristesse."),
    "es": ("Un concejal se atrevió a escribir \"{q}\" en sus redes, que dimita ya.",
           "«{q}», eso se oía en el estadio. Una vergüenza absoluta.",
           "Las palabras \"{q}\" en el escaparate de la frutería indignaron a todo el barrio.",
           "Cito el mensaje que recibió la asociación: «{q}». Ya hay denuncia.",
           "Contestar \"{q}\" a una noticia sobre la guardería, en serio, qué pena."),
}  # fmt: skip
#: The slogans the quoting frames reject.
SLOGANS: dict[str, tuple[str, ...]] = {
    "fr": ("{g} dehors", "{g}, ces parasites", "mort à {g}", "{g}, retournez chez vous"),
    "es": ("fuera {g}", "{g}, esos parásitos", "muerte a {g}", "{g}, volved a vuestro país"),
}  # fmt: skip
NEGATED: dict[str, tuple[str, ...]] = {
    "fr": ("{g} ne sont ni des parasites ni des profiteurs, juste des gens qui bossent.",
           "Traiter {g} de vermine, c'est ignoble, et ça n'a rien d'un débat.",
           "Je n'ai jamais pensé que {g} étaient inférieurs, et je ne le penserai jamais.",
           "Qui peut encore croire que {g} sont une menace ? Personne de sérieux.",
           "Il n'y a aucune invasion : {g} représentent une petite part de la population."),
    "es": ("{g} no son ni parásitos ni aprovechados, son gente que trabaja.",
           "Llamar alimañas a {g} es repugnante, y eso no es debatir.",
           "Nunca he pensado que {g} sean inferiores, y nunca lo pensaré.",
           "¿Quién puede creer todavía que {g} son una amenaza? Nadie serio.",
           "No hay ninguna invasión: {g} son una parte pequeña de la población.",
           "Que {g} sean una plaga es mentira, y quien lo repite lo sabe.",
           "Aquí nadie piensa que {g} sobren, al contrario."),
}  # fmt: skip

#: Attacks on a group (``{g}``), one tuple per phenomenon: implicit derogation (a
#: stereotype implied, no slur), hate asked as a question, hate stated as an opinion,
#: dehumanising metaphors, sarcasm at the group.
ATTACKS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "implicit": (
            "Depuis que {g} se sont installés en bas, je ferme ma porte à double tour.",
            "Curieux comme les vols ont augmenté pile quand {g} sont arrivés.",
            "On reconnaît tout de suite les rues où vivent {g}, il suffit de voir l'état des trottoirs.",
            "Avec {g} comme collègues, il faut toujours repasser derrière.",
            "L'honnêteté et {g}, ça n'a jamais fait bon ménage, chacun le sait.",
            "Pas étonnant que l'école ait baissé de niveau, avec {g} dans les classes.",
            "Je préfère prendre le taxi, dans le bus il n'y a plus que {g}.",
            "Avant l'arrivée de {g}, on pouvait laisser la voiture ouverte.",
            "Mon fils sort avec une fille du groupe, on le sait bien, {g}, ça finit toujours mal.",
            "Le quartier était propre et calme, et puis {g} sont venus.",
            "Tiens, une voiture brûlée, {g} ont encore fait la fête hier soir.",
            "Pour le poste, j'ai écarté {g}, on connaît leur rapport au travail."),
        "question": (
            "Pourquoi faudrait-il accepter {g} alors qu'ils ne respectent rien ?",
            "Quelqu'un peut m'expliquer à quoi servent {g} à part coûter cher ?",
            "Est-ce qu'on a vraiment besoin de {g} dans ce pays ?",
            "Et si on arrêtait de faire semblant que {g} sont des gens comme nous ?",
            "Combien de temps va-t-on encore supporter {g} ?",
            "Qui veut vraiment vivre à côté de {g}, soyons honnêtes ?",
            "Franchement, {g}, ça sert à quoi dans une société qui marche ?",
            "N'est-il pas temps d'admettre que {g} ne s'adapteront jamais ?"),
        "opinion": (
            "À mon humble avis, {g} sont incapables de s'intégrer, c'est dans leurs gènes.",
            "Je l'assume : {g} ne seront jamais de vrais Français.",
            "Mon opinion, c'est que {g} tirent la société vers le bas.",
            "Je crois profondément que {g} sont un danger pour nos enfants.",
            "Chacun pense ce qu'il veut, moi je pense que {g} sont une calamité.",
            "Sincèrement, je n'embaucherais jamais {g}, ils ne valent pas le coup.",
            "C'est mon ressenti, mais {g} me font gerber.",
            "Selon moi, {g} devraient être interdits de séjour dans nos villes."),
        "metaphor": (
            "{g} se répandent dans nos villes comme une tache d'huile.",
            "{g}, c'est une gangrène qui ronge le pays de l'intérieur.",
            "{g} s'abattent sur nos quartiers comme une nuée de sauterelles.",
            "{g} sont des sangsues accrochées à nos impôts.",
            "{g}, c'est un cancer, et un cancer, ça s'opère.",
            "Ils arrivent par vagues entières, {g}, comme une marée noire."),
        "sarcasm": (
            "Ah oui, {g}, cette merveilleuse richesse culturelle qu'on nous vend depuis trente ans.",
            "Bravo {g}, encore un quartier transformé en paradis, merci pour tout.",
            "Formidable, {g} nous apportent tellement, surtout des problèmes.",
            "Ne vous inquiétez pas, {g} sont là pour payer nos retraites, haha.",
            "Quelle surprise, {g} qui se plaignent encore, on n'avait jamais vu ça.",
            "Merci à {g} de nous donner des leçons de vie, on en avait tant besoin.",
            "Quelle joie, {g} ouvrent encore une boutique, bientôt on se sentira à l'étranger chez nous.",
            "Vivement que {g} nous enrichissent encore un peu, il nous reste deux trois trucs à voler."),
    },
    "es": {
        "implicit": (
            "Desde que {g} viven en el bajo, cierro la puerta con dos vueltas.",
            "Curioso que los robos subieran justo cuando llegaron {g}.",
            "Se reconocen enseguida las calles donde viven {g}, basta ver cómo están las aceras.",
            "Con {g} de compañeros siempre hay que repasar todo lo que hacen.",
            "La honradez nunca ha sido lo suyo, hablo de {g}, y todo el mundo lo sabe.",
            "No me extraña que el colegio haya bajado de nivel, con {g} en las aulas.",
            "Prefiero coger un taxi, el autobús va lleno de {g}.",
            "Antes de que llegaran {g}, se podía dejar el coche abierto.",
            "El barrio era limpio y tranquilo, y luego llegaron {g}.",
            "Anda, otro coche quemado, {g} estuvieron de fiesta anoche.",
            "Para el puesto descarté a {g}, ya sabemos cómo se toman el trabajo."),
        "question": (
            "¿Por qué tenemos que aceptar a {g} si no respetan nada?",
            "¿Alguien me explica para qué sirven {g} aparte de costar dinero?",
            "¿De verdad necesitamos a {g} en este país?",
            "¿Y si dejamos de fingir que {g} son gente como nosotros?",
            "¿Hasta cuándo vamos a aguantar a {g}?",
            "¿Quién quiere vivir al lado de {g}, seamos sinceros?"),
        "opinion": (
            "En mi humilde opinión, {g} son incapaces de integrarse, lo llevan en la sangre.",
            "Lo digo sin complejos: {g} nunca serán españoles de verdad.",
            "Mi opinión es que {g} arrastran a la sociedad hacia abajo.",
            "Creo firmemente que {g} son un peligro para nuestros hijos.",
            "Cada uno piensa lo que quiere, yo pienso que {g} son una calamidad.",
            "Sinceramente, yo nunca contrataría a {g}, no merecen la pena.",
            "Es lo que siento, pero {g} me dan ganas de vomitar.",
            "A mi juicio, habría que prohibir a {g} vivir en nuestras ciudades."),
        "metaphor": (
            "{g} se extienden por nuestras ciudades como una mancha de aceite.",
            "{g} son una gangrena que pudre el país por dentro.",
            "{g} caen sobre nuestros barrios como una plaga de langostas.",
            "{g} son sanguijuelas pegadas a nuestros impuestos.",
            "{g} son un tumor, y los tumores se extirpan.",
            "Llegan en oleadas, {g}, como una marea negra."),
        "sarcasm": (
            "Ah, sí, {g}, esa maravillosa riqueza cultural que nos venden desde hace treinta años.",
            "Bravo por {g}, otro barrio convertido en un paraíso, gracias por todo.",
            "Estupendo, {g} nos aportan tanto, sobre todo problemas.",
            "Tranquilos, que {g} vienen a pagarnos las pensiones, jaja.",
            "Qué sorpresa, {g} quejándose otra vez, nunca se había visto.",
            "Menos mal que {g} están aquí para enseñarnos a vivir.",
            "Qué alegría, {g} abren otra tienda, pronto nos sentiremos extranjeros en casa.",
            "Ojalá {g} nos enriquezcan un poco más, aún nos queda algo que robar."),
    },
}  # fmt: skip

#: Coded hate: a dog whistle or a code word names the target instead of the group's noun.
CODED: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("Encore une agression par une chance pour la France, circulez, y a rien à voir.", "nationality_migration"),
           ("Les Français de papier, ça se voit tout de suite dans les statistiques.", "nationality_migration"),
           ("Comme d'habitude, l'auteur est un jeune bien connu des services de police, suivez mon regard.", "nationality_migration"),
           ("Les cosmopolites qui possèdent les banques et les journaux, toujours les mêmes noms.", "jews"),
           ("On sait qui contrôle Hollywood et les médias, pas besoin de faire un dessin.", "jews"),
           ("La France aux Français, et les autres à la maison, Inch'Allah.", "nationality_migration"),
           ("La racaille de banlieue qui brûle des voitures, on connaît leurs prénoms.", "arabs"),
           ("L'islamisation avance, bientôt la charia dans nos mairies.", "muslims"),
           ("Les envahisseurs débarquent chaque jour à Lampedusa, et personne ne bouge.", "nationality_migration"),
           ("Le lobby gay impose son idéologie dans les écoles, réveillez-vous.", "sexual_orientation"),
           ("Les youpins ont encore frappé, toujours la même engeance.", "jews"),
           ("Les bougnoules du quartier, on sait comment ils vivent.", "arabs"),
           ("Le vivre-ensemble, on a vu ce que ça donne au Bataclan.", "muslims"),
           ("Encore une église transformée en mosquée, la Reconquête n'attend plus.", "muslims"),
           ("Les rats des cités ont encore tout cassé, toujours la même engeance.", "nationality_migration"),
           ("Des migrants clandestins logés à l'hôtel pendant que nos retraités crèvent, merci Macron.", "nationality_migration")),
    "es": (("Otra agresión de un mena, pero nada, aquí no pasa nada.", "nationality_migration"),
           ("Los de la paguita viven mejor que los españoles que madrugan.", "nationality_migration"),
           ("Como siempre, el autor es un joven de origen magrebí, ya sabéis de quién hablo.", "arabs"),
           ("Los cosmopolitas dueños de los bancos y los periódicos, siempre los mismos apellidos.", "jews"),
           ("Ya sabemos quién controla Hollywood y los medios, no hace falta dibujarlo.", "jews"),
           ("España para los españoles, y los demás a su casa.", "nationality_migration"),
           ("Los moros del barrio, ya sabemos cómo se las gastan.", "arabs"),
           ("La islamización avanza, pronto tendremos la sharía en los ayuntamientos.", "muslims"),
           ("Los invasores desembarcan cada día en Canarias y nadie hace nada.", "nationality_migration"),
           ("El lobby gay impone su ideología en los colegios, despertad.", "sexual_orientation"),
           ("Los sudacas vienen a quitarnos el trabajo y encima se quejan.", "latinx"),
           ("Los panchitos y los moros, todos en el mismo barco de vuelta.", "latinx"),
           ("Los menas en hoteles y nuestros abuelos sin residencia, así nos va.", "nationality_migration"),
           ("Multiculturalidad, dicen; yo veo chilabas y mezquitas por todas partes.", "muslims")),
}  # fmt: skip

#: Insults of one person (insult, no group): the French suite held its insults but scored
#: few of them as insults.
INSULTS: dict[str, tuple[str, ...]] = {
    "fr": ("Tu es d'une bêtise crasse, c'est affligeant.",
           "Le commentateur au-dessus est un parfait crétin.",
           "Retourne jouer aux billes, sombre idiot.",
           "Tu ne comprends rien à rien, triple buse.",
           "Quel enfoiré, ce type.",
           "Espèce de tocard, tu racontes n'importe quoi.",
           "T'es vraiment une grosse merde.",
           "Ce journaliste est une ordure et un incapable.",
           "Va te faire voir, gros lourdaud.",
           "T'es con comme un balai.",
           "Ton cerveau doit tenir dans un dé à coudre, pauvre débile."),
    "es": ("Eres de una estupidez que da pena.",
           "El de arriba es un cretino de manual.",
           "Vete a jugar a las canicas, pedazo de idiota.",
           "No te enteras de nada, cenutrio.",
           "Menudo cabrón está hecho este tío.",
           "Eres un mierda, no sabes ni lo que dices.",
           "Este periodista es un sinvergüenza y un inútil.",
           "Vete a la porra, pesado.",
           "Eres más tonto que un zapato.",
           "Tu cerebro cabe en un dedal, pobre imbécil.",
           "Anda y que te den, gañán."),
}  # fmt: skip

#: How many nouns fill each calm frame and each attack frame (in turn, so every noun is
#: used): calm frames take more, so the new nouns meet calm use at least as often as hate.
CALM_NOUNS_PER_FRAME = 4
ATTACK_NOUNS_PER_FRAME = 2
#: Every how-many-th attack row also gets a misspelt copy: in turn, the group's noun
#: misspelt (``misspell``) and one other word (``augment.spelled_badly``).
MISSPELT_EVERY = 2


def _attack_labels(group: str) -> dict[str, float]:
    labels = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0, "threat": 0.0}
    labels.update(target_labels({group}))
    return labels


def round_four_rows(
    language: str, out: LabelledRows, misspell: Callable[[str], tuple[str, ...]]
) -> None:
    """Add the round-four rows for a language that has them (French and Spanish);
    ``misspell``: a group noun's misspellings (``templates_languages.obfuscations``)."""
    if language not in NOUNS:
        return
    nouns = NOUNS[language]
    c = CALM_NOUNS_PER_FRAME
    calm_frames = (*NEWS_CALM[language], *DEFENCE[language])
    for i, frame in enumerate(calm_frames):
        for j in range(c):
            _group, noun = nouns[(i * c + j) % len(nouns)]
            out.add(fill_group(frame, noun), "train", all_clear())
    for text in NEWS_FIXED[language]:
        out.add(text, "train", all_clear())
    slogans = SLOGANS[language]
    for i, frame in enumerate(QUOTED[language]):
        for j in range(c):
            _group, noun = nouns[(i * c + j + 3) % len(nouns)]
            quote = slogans[(i + j) % len(slogans)].replace("{g}", noun)
            out.add(fill_group(frame.replace("{q}", quote), noun), "train", all_clear())
    for i, frame in enumerate(NEGATED[language]):
        for j in range(c):
            _group, noun = nouns[(i * c + j + 7) % len(nouns)]
            out.add(fill_group(frame, noun), "train", all_clear())
    rng = random.Random(4)
    k = ATTACK_NOUNS_PER_FRAME
    frames = [f for phenomenon in ATTACKS[language].values() for f in phenomenon]
    for i, frame in enumerate(frames):
        for j in range(k):
            group, noun = nouns[(i * k + j + 5) % len(nouns)]
            text = fill_group(frame, noun)
            out.add(text, "train", _attack_labels(group))
            n = i * k + j
            if n % MISSPELT_EVERY == 0:
                variants = misspell(noun)
                if (n // MISSPELT_EVERY) % 2 == 0 and variants:
                    text = fill_group(frame, variants[(n // 4) % len(variants)])
                else:
                    text = spelled_badly(text, rng)
                out.add(text, "train", _attack_labels(group))
    for text, group in CODED[language]:
        out.add(text, "train", _attack_labels(group))
    for text in INSULTS[language]:
        labels = {"toxicity": 1.0, "insult": 1.0, "identity_attack": 0.0, "threat": 0.0}
        labels.update(no_target())
        out.add(text, "train", labels)

from gen import build

G = [
    ("muslims", "les musulmans"),
    ("nationality_migration", "les migrants"),
    ("jews", "les juifs"),
    ("women", "les femmes"),
    ("black_people", "les Noirs"),
]
F = {
    "counter_speech_quote": [
        "Dans le métro, un type hurlait « {g}, dehors ! » et personne n'a bronché. On devrait tous avoir honte.",
        "Écrire « {g} = racaille » sur un mur de l'école, c'est minable, et j'espère qu'on retrouvera l'auteur.",
    ],
    "counter_speech_reference": [
        "Les commentaires qui accusent {g} de tous les maux sous cet article sont tout simplement racistes.",
        "Ras-le-bol de ceux qui désignent {g} comme boucs émissaires à chaque fait divers.",
    ],
    "negated_hate": [
        "Non, {g} ne sont pas une menace, et ceux qui le prétendent n'en ont jamais rencontré.",
        "{g} ne sont pas des délinquants, arrêtons avec ces clichés d'un autre âge.",
    ],
    "positive_group_statement": [
        "Sans {g} de la commune, le club de foot aurait fermé depuis longtemps, chapeau.",
        "Franchement, chapeau : {g} du quartier tiennent la banque alimentaire à bout de bras.",
    ],
    "neutral_group_statement": [
        "D'après l'Insee, {g} sont plus nombreux dans les grandes villes que dans les campagnes.",
        "Ce soir, une association qui accompagne {g} tient une réunion à la mairie.",
    ],
    "defence_of_group": [
        "Je soutiens {g} de ma ville, quoi qu'en disent les piliers de comptoir.",
        "Quand on attaque {g}, on nous attaque tous. On ne lâchera rien.",
    ],
    "reporting_hate": [
        "Au procès, le prévenu a reconnu avoir écrit « il faut gazer {g} » sur un forum.",
        "La police enquête sur des tracts contre {g} distribués dans les boîtes aux lettres.",
    ],
    "dehumanisation": [
        "{G} sont des parasites qu'il faudrait éradiquer.",
        "{G}, ce ne sont pas des êtres humains, ce sont des bêtes.",
    ],
    "implicit_derogation": [
        "Depuis que {g} se sont installés dans l'immeuble, tout le monde ferme à double tour. Bizarre, non ?",
        "{G} à la tête d'une entreprise ? Autant déposer le bilan tout de suite.",
    ],
    "hate_as_question": [
        "Pourquoi {g} sont-ils toujours aussi sales et fainéants ?",
        "On n'a plus le droit de dire que {g} sont inférieurs ?",
    ],
    "hate_as_opinion": [
        "Perso, je pense que {g} sont la ruine de ce pays.",
        "À mon avis, {g} valent moins que nous, c'est comme ça.",
    ],
    "coded_hate": [
        "Encore une agression, encore des « jeunes » d'un quartier « populaire ». Les médias ne diront rien sur {g}, évidemment.",
        "Le grand remplacement suit son cours : {g} partout, et nous bientôt minoritaires.",
    ],
    "dehumanising_metaphor": [
        "{G} sont un cancer qui ronge la France.",
        "{G} se répandent comme la vermine dans nos villes.",
    ],
    "call_for_violence_or_expulsion": [
        "Dehors {g}, tous, et tout de suite !",
        "Il faut rafler {g} et les renvoyer par charters entiers.",
    ],
    "sarcasm_at_group": [
        "Ah oui, {g}, quelle chance pour la France. Ça se voit à chaque coin de rue.",
        "Super, {g} arrivent en masse. C'est exactement ce qu'il nous manquait, bravo.",
    ],
}
L = {
    "reclaimed_slur": [
        (
            "En tant que gouine assumée, je trouve la nouvelle asso du quartier géniale.",
            "sexual_orientation",
        ),
        (
            "Nous, les pédés de la chorale, on vous attend à la fête de la musique.",
            "sexual_orientation",
        ),
        ("Je suis une vieille tarlouze et fière de l'être.", "sexual_orientation"),
        ("Entre rebeus du quartier, on se serre les coudes depuis toujours.", "arabs"),
        ("Moi, la gouine du conseil municipal, je voterai pour ce projet.", "sexual_orientation"),
        (
            "On est des blédards et on a monté la plus belle épicerie de la ville.",
            "nationality_migration",
        ),
        (
            "Les pédés du club de rugby organisent un tournoi caritatif samedi.",
            "sexual_orientation",
        ),
        ("En tant que renoi de banlieue, cet article me parle vraiment.", "black_people"),
        ("Nous, les gouines du festival, on remercie tous les bénévoles.", "sexual_orientation"),
        ("Je suis un rebeu de Marseille et ce reportage m'a ému.", "arabs"),
    ],
    "profanity_no_target": [
        "Putain, j'ai encore raté le bus.",
        "Merde, le match était nul à chier.",
        "Quel temps de merde aujourd'hui.",
        "Bordel, plus de batterie.",
        "Putain de bouchons tous les matins.",
        "Fait chier, j'ai oublié le rendez-vous.",
        "Oh putain, t'as vu les prix ?",
        "Bordel de merde, quel but !",
        "J'en ai rien à foutre, j'y vais quand même.",
        "Merde alors, le resto est fermé.",
    ],
    "profanity_no_target_is_profane": [
        "Putain de merde, ces travaux.",
        "Bordel de merde, encore un bouchon.",
        "Quelle journée de merde, putain.",
        "Fait chier, putain, le train est parti.",
        "Merde, putain, j'ai tout perdu.",
        "Putain, bordel, le match est foutu.",
        "Quelle putain de galère.",
        "Nom de Dieu de bordel de merde.",
        "Putain de batterie de merde.",
        "Bordel, fait chier, c'est fermé.",
    ],
    "abuse_of_individual": [
        "T'es la personne la plus bête avec qui j'aie jamais discuté.",
        "Ferme ta gueule, espèce d'abruti.",
        "Pauvre minable, tu n'y connais rien.",
        "Quel commentaire débile, pauvre con.",
        "L'auteur est un guignol et un menteur.",
        "Va crever, sombre crétin.",
        "T'es bête comme tes pieds.",
        "Rarement vu un imbécile pareil.",
        "Toi, le bouffon, on ne t'a rien demandé.",
        "Ton cerveau est en vacances, andouille.",
    ],
    "abuse_of_individual_is_insult": [
        "T'es qu'un sale con.",
        "Espèce de connard.",
        "Quel pauvre type tu fais.",
        "T'es un raté, un vrai minable.",
        "Le commentateur est un gros abruti.",
        "Fils de pute.",
        "Ta gueule, connasse.",
        "T'es un crétin et un menteur.",
        "Quel enfoiré, sérieux.",
        "Espèce de débile mental.",
    ],
    "abuse_of_object": [
        "Cette imprimante de malheur est une vraie daube.",
        "La nouvelle appli est une merde sans nom.",
        "Ce GPS est plus bête qu'une chaise.",
        "Quel match pourri hier soir.",
        "Les horaires de la SNCF, c'est une blague.",
        "Ce film était une bouse absolue.",
        "Mon ordi est une vraie poubelle.",
        "Ce chantier est un fiasco total.",
        "La mise à jour a tout cassé, quelle camelote.",
        "La cantine sert une bouffe immangeable.",
    ],
    "threat": [
        "Je sais où est garée ta voiture. Dors bien.",
        "Fais gaffe en rentrant chez toi ce soir.",
        "Les gens comme toi, on devrait les pendre.",
        "Je vais te casser les dents si je te croise.",
        "Un jour, quelqu'un sonnera à ta porte, compte là-dessus.",
        "Je vais te planter, sale rat.",
        "Tu vas le regretter, je vais passer te voir.",
        "Ta maison brûlera plus vite que tu ne crois.",
        "Je te bute si tu remets les pieds ici.",
        "On sait dans quelle école vont tes gosses.",
    ],
    "civil_disagreement": [
        "Je pense que l'immigration devrait être mieux encadrée, mais le débat mérite mieux que des slogans.",
        "Sauf erreur, les chiffres de l'article datent de 2019 ; ils ont beaucoup changé depuis.",
        "Je ne suis pas d'accord : les pistes cyclables coûtent trop cher, l'argent manque aux écoles.",
        "Permettez-moi de nuancer, les loyers ont surtout grimpé à cause des taux.",
        "Bon papier, même si j'arrive à une autre conclusion sur les retraites.",
        "Je doute que cette réforme simplifie vraiment l'administration.",
        "Objectivement, les inconvénients du projet l'emportent à mes yeux.",
        "Je suis pour une politique d'asile plus stricte, mais dans le respect du droit.",
        "Les critiques contre le maire me semblent excessives, il a fait du bon travail.",
        "Article intéressant, mais il manque le point de vue des agriculteurs.",
    ],
}
S = [
    ("Musulmans", "= terroristes, tous autant qu'ils sont.", "muslims"),
    ("Migrants", "= parasites, à renvoyer chez eux.", "nationality_migration"),
    ("Juifs", "= vermine, tous sans exception.", "jews"),
    ("Réfugiés", "= violeurs, tout le monde le sait.", "nationality_migration"),
    ("Arabes", "= racaille, dehors.", "arabs"),
    ("Homosexuels", "= malades et dégoûtants.", "sexual_orientation"),
    ("Tziganes", "= voleurs et vermine.", "race_ethnicity"),
    ("Noirs", "= singes, pas des humains.", "black_people"),
    ("Africains", "= sauvages, qu'ils rentrent chez eux.", "black_people"),
    ("Femmes", "= connes, retour à la cuisine.", "women"),
]
C = [
    (
        "Pensez à bien cadenasser vos vélos.",
        "Une famille syrienne vient d'emménager dans l'immeuble d'à côté.",
        "nationality_migration",
    ),
    (
        "Comptez vos petites cuillères, alors.",
        "Un couple rom a ouvert un café dans notre rue.",
        "race_ethnicity",
    ),
    (
        "On saura qui fabrique les bombes, au moins.",
        "La communauté musulmane construit une nouvelle mosquée en périphérie.",
        "muslims",
    ),
    (
        "L'argent n'a pas d'odeur, ils sont bien placés pour le savoir.",
        "Un entrepreneur juif rachète l'ancienne brasserie.",
        "jews",
    ),
    (
        "Le prochain coup de couteau est déjà programmé.",
        "La ville ouvre un nouveau centre d'accueil pour réfugiés.",
        "nationality_migration",
    ),
    (
        "L'entreprise peut préparer le dépôt de bilan.",
        "Pour la première fois, une femme dirige l'usine.",
        "women",
    ),
    (
        "Surveillez vos enfants.",
        "Un couple gay reprend la crèche du village.",
        "sexual_orientation",
    ),
    (
        "Les caisses sociales vont vite être vides.",
        "200 demandeurs d'asile supplémentaires arrivent dans le département.",
        "nationality_migration",
    ),
    (
        "Kebab un jour, kebab toujours.",
        "Le nouveau maire a des origines turques.",
        "nationality_migration",
    ),
    (
        "La jungle a dû libérer une place.",
        "Un médecin nigérian commence à l'hôpital.",
        "black_people",
    ),
]
build("fr", G, F, L, S, C)

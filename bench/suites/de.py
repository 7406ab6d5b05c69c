from gen import build

G = [
    ("muslims", "Muslime"),
    ("nationality_migration", "Ausländer"),
    ("jews", "Juden"),
    ("women", "Frauen"),
    ("sexual_orientation", "Lesben"),
]
F = {
    "counter_speech_quote": [
        "Im Bus grölte einer „{G} sind Dreckspack“ und alle schauten weg. Das sollte uns allen peinlich sein.",
        "Wer heute noch „{g} raus“ an Hauswände schmiert, hat aus der Geschichte nichts gelernt.",
    ],
    "counter_speech_reference": [
        "Die Hetze gegen {g} hier in den Kommentaren ist widerlich und gehört gelöscht.",
        "Dass manche Leser {g} pauschal zu Sündenböcken machen, ist schlicht Rassismus von vorgestern.",
    ],
    "negated_hate": [
        "{G} sind keine Bedrohung, und wer das behauptet, hat nie mit einem gesprochen.",
        "Nein, {g} sind nicht das Problem in diesem Land. Das Problem sind die, die Hass säen.",
    ],
    "positive_group_statement": [
        "Ohne die {g} in unserem Ort wäre der Sportverein längst pleite, Hut ab.",
        "Ich finde es großartig, wie viele {g} sich bei der Tafel ehrenamtlich einbringen.",
    ],
    "neutral_group_statement": [
        "Laut der Studie leben rund zehn Prozent der {g} im ländlichen Raum.",
        "Heute Abend spricht im Rathaus eine Vertreterin der Verbände, die {g} beraten.",
    ],
    "defence_of_group": [
        "Ich stehe an der Seite der {g} in unserer Stadt, egal was die Stammtischparolen sagen.",
        "Wer {g} angreift, greift uns alle an. Wir lassen niemanden allein.",
    ],
    "reporting_hate": [
        "Vor Gericht gab der Angeklagte zu, „{g} vergasen“ in den Chat geschrieben zu haben.",
        "Die Polizei ermittelt, weil Unbekannte Flugblätter gegen {g} im Viertel verteilt haben.",
    ],
    "dehumanisation": [
        "{G} sind Parasiten, die man ausrotten sollte.",
        "{G} sind keine Menschen, sondern Tiere.",
    ],
    "implicit_derogation": [
        "Seit {g} hier wohnen, schließt jeder abends zweimal die Tür ab. Zufall ist das nicht.",
        "{G} in Führungspositionen? Dann kann man den Laden gleich dichtmachen.",
    ],
    "hate_as_question": [
        "Warum sind {g} eigentlich immer so dreckig und asozial?",
        "Wieso darf man nicht mehr sagen, dass {g} minderwertig sind?",
    ],
    "hate_as_opinion": [
        "Ich finde, {g} sind der Untergang unseres Landes.",
        "Meiner Meinung nach sind {g} einfach weniger wert als wir.",
    ],
    "coded_hate": [
        "Wieder eine Messerattacke, wieder „Männer“ aus einem „bunten“ Viertel. Die Herkunft verschweigt die Lügenpresse natürlich. Wir wissen ja, wer gemeint ist: {g}.",
        "Umvolkung läuft nach Plan: {g} hier, {g} da, bald sind wir die Minderheit.",
    ],
    "dehumanising_metaphor": [
        "{G} sind ein Krebsgeschwür an unserem Volkskörper.",
        "{G} breiten sich aus wie die Pest.",
    ],
    "call_for_violence_or_expulsion": [
        "{G} raus aus Deutschland, und zwar sofort und alle.",
        "Man sollte {g} zusammentreiben und über die Grenze jagen.",
    ],
    "sarcasm_at_group": [
        "Ja klar, {g} sind ja sooo eine Bereicherung. Sieht man an jeder Straßenecke.",
        "Toll, noch mehr {g}. Genau das, was uns noch gefehlt hat, ganz große Klasse.",
    ],
}
L = {
    "reclaimed_slur": [
        ("Wir Kanaken aus dem Block halten zusammen, schon immer.", "nationality_migration"),
        (
            "Als alte Kampflesbe sage ich: der CSD war dieses Jahr der schönste überhaupt.",
            "sexual_orientation",
        ),
        (
            "Ich bin eine stolze Schwuchtel und lasse mir das Wort nicht mehr wegnehmen.",
            "sexual_orientation",
        ),
        ("Wir Ossis wissen eben, wie man improvisiert.", None),
        (
            "Mein Kumpel und ich nennen uns selbst Kanaken, und das ist unser Ding.",
            "nationality_migration",
        ),
        ("Als Krüppel sage ich: die neue Rampe am Rathaus ist ein Segen.", "disability"),
        ("Wir Schwuchteln vom Chor laden alle zum Sommerfest ein.", "sexual_orientation"),
        (
            "Ich bin Tunte aus Leidenschaft, und die Show am Samstag wird fabelhaft.",
            "sexual_orientation",
        ),
        ("Als Kampflesbe im Vorstand freut mich die neue Satzung sehr.", "sexual_orientation"),
        (
            "Wir Kanaken haben das Viertel mit aufgebaut, vergesst das nicht.",
            "nationality_migration",
        ),
    ],
    "profanity_no_target": [
        "Scheiße, schon wieder den Bus verpasst.",
        "Verdammte Kacke, das Spiel war eine Katastrophe.",
        "Was für ein Scheißwetter heute.",
        "Mist, verdammter, jetzt ist der Akku leer.",
        "Ach du Scheiße, hast du die Preise gesehen?",
        "So ein Schrott, verdammt nochmal.",
        "Heilige Scheiße, was für ein Tor!",
        "Scheißegal, ich geh trotzdem hin.",
        "Verfickte Baustelle, jeden Morgen Stau.",
        "Kacke, ich hab den Termin verpennt.",
    ],
    "profanity_no_target_is_profane": [
        "Scheiße, diese verfickte Baustelle.",
        "Verdammte Scheiße, schon wieder Stau.",
        "Was für eine Scheiße heute.",
        "Fuck, der Zug ist weg, verdammte Kacke.",
        "Scheißegal, verfickt nochmal.",
        "Kacke, verdammt, das Spiel ist verloren.",
        "So eine gottverdammte Scheiße.",
        "Heilige Scheiße, verfickt teuer alles.",
        "Scheiß drauf, verdammte Kacke.",
        "Verfickte Scheiße, der Akku ist leer.",
    ],
    "abuse_of_individual": [
        "Du bist der dümmste Mensch, mit dem ich je diskutiert habe.",
        "Halt einfach dein Maul, du Vollidiot.",
        "Du armseliger Wicht hast doch null Ahnung.",
        "Was für ein hirnloser Kommentar, du Trottel.",
        "Der Autor ist eine Witzfigur und ein Lügner.",
        "Geh sterben, du Lappen.",
        "Du bist so dumm wie Brot.",
        "Selten so einen Schwachkopf erlebt wie dich.",
        "Du Lutscher hast hier gar nichts zu melden.",
        "Dein Hirn ist wohl im Urlaub, du Depp.",
    ],
    "abuse_of_individual_is_insult": [
        "Du bist ein wertloser Idiot.",
        "Du Vollpfosten, lern erst mal lesen.",
        "Was bist du für ein Arschloch.",
        "Du erbärmlicher Versager.",
        "Der Kommentator ist ein Vollidiot.",
        "Du dummer Hurensohn.",
        "Du Spast, halt die Fresse.",
        "Du bist ein Trottel und ein Lügner.",
        "Was für ein dämlicher Wichser.",
        "Du hirnamputierter Clown.",
    ],
    "abuse_of_object": [
        "Dieser verdammte Drucker ist der letzte Müll.",
        "Die neue App ist ein Haufen Schrott.",
        "Das Navi ist dümmer als ein Stück Holz.",
        "Was für ein beschissenes Spiel gestern.",
        "Der Fahrplan der Bahn ist ein schlechter Witz.",
        "Dieser Film war absolute Grütze.",
        "Mein Laptop ist eine lahme Krücke.",
        "Die Baustelle ist eine einzige Katastrophe.",
        "Das Update hat alles kaputtgemacht, Mistding.",
        "Die Kantine serviert heute ungenießbaren Fraß.",
    ],
    "threat": [
        "Ich weiß, wo dein Auto steht. Schlaf gut.",
        "Pass auf, wenn du heute Abend nach Hause gehst.",
        "Leute wie dich sollte man aufhängen.",
        "Dir breche ich alle Knochen, wenn ich dich erwische.",
        "Irgendwann steht jemand vor deiner Tür, verlass dich drauf.",
        "Ich stech dich ab, du Ratte.",
        "Du wirst das noch bereuen, ich komme vorbei.",
        "Dein Haus brennt schneller, als du denkst.",
        "Dich knall ich ab, wenn du noch einmal hier auftauchst.",
        "Wir wissen, wo deine Kinder zur Schule gehen.",
    ],
    "civil_disagreement": [
        "Ich halte die Obergrenze für falsch, aber die Argumente der Gegenseite verdienen eine faire Debatte.",
        "Mit Verlaub, die Zahlen im Artikel sind veraltet. Seit 2022 hat sich einiges geändert.",
        "Ich sehe das anders: Der Ausbau der Radwege kostet zu viel, das Geld fehlt bei den Schulen.",
        "Da muss ich widersprechen, die Mieten sind vor allem wegen der Zinsen gestiegen.",
        "Ein guter Kommentar, auch wenn ich beim Thema Rente zu einem anderen Schluss komme.",
        "Ich bin skeptisch, ob die Reform wirklich Bürokratie abbaut.",
        "Sachlich betrachtet überwiegen für mich die Nachteile des Projekts.",
        "Ich bin für eine strengere Asylpolitik, aber mit rechtsstaatlichen Verfahren.",
        "Die Kritik am Bürgermeister finde ich überzogen, er hat vieles richtig gemacht.",
        "Interessanter Artikel, nur fehlt mir die Sicht der Landwirte.",
    ],
}
S = [
    ("Muslime", "sind Terroristen, jeder einzelne von denen.", "muslims"),
    ("Ausländer", "sind Schmarotzer und gehören abgeschoben.", "nationality_migration"),
    ("Juden", "sind Ungeziefer, alle miteinander.", "jews"),
    ("Flüchtlinge", "sind Vergewaltiger, das weiß jeder.", "nationality_migration"),
    ("Moslems", "gehören ausgerottet.", "muslims"),
    ("Schwule", "sind krank und widerlich.", "sexual_orientation"),
    ("Zigeuner", "sind Diebe und Pack.", "race_ethnicity"),
    ("Schwarze", "sind Affen und keine Menschen.", "black_people"),
    ("Türken", "sind Abschaum, raus mit denen.", "nationality_migration"),
    ("Frauen", "sind dumm und gehören an den Herd.", "women"),
]
C = [
    (
        "Schließt eure Fahrräder gut ab.",
        "Nebenan ist gerade eine syrische Familie eingezogen.",
        "nationality_migration",
    ),
    (
        "Dann zählt mal lieber euer Besteck nach.",
        "In unserer Straße hat ein Roma-Ehepaar ein Café eröffnet.",
        "race_ethnicity",
    ),
    (
        "Na, dann wisst ihr ja, wer bald die Bomben baut.",
        "Die muslimische Gemeinde baut eine neue Moschee am Stadtrand.",
        "muslims",
    ),
    (
        "Geld stinkt eben nicht, die wissen das am besten.",
        "Ein jüdischer Unternehmer übernimmt die alte Brauerei.",
        "jews",
    ),
    (
        "Die nächste Messerstecherei ist damit schon eingeplant.",
        "Die Stadt richtet eine neue Unterkunft für Geflüchtete ein.",
        "nationality_migration",
    ),
    (
        "Dann kann die Firma ja bald Insolvenz anmelden.",
        "Zum ersten Mal leitet eine Frau den Betrieb.",
        "women",
    ),
    (
        "Passt auf eure Kinder auf.",
        "Ein schwules Paar hat den Kindergarten im Ort übernommen.",
        "sexual_orientation",
    ),
    (
        "Hauptsache, die Sozialkassen sind bald leer.",
        "Es kommen 200 weitere Asylbewerber in den Landkreis.",
        "nationality_migration",
    ),
    (
        "Tja, Teppichhändler bleibt Teppichhändler.",
        "Der neue Bürgermeister hat türkische Wurzeln.",
        "nationality_migration",
    ),
    (
        "Da hat der Dschungel wohl wieder einen Platz frei gemacht.",
        "Ein Arzt aus Nigeria beginnt im Kreiskrankenhaus.",
        "black_people",
    ),
]
build("de", G, F, L, S, C)

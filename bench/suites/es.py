from gen import build

G = [
    ("muslims", "los musulmanes"),
    ("nationality_migration", "los inmigrantes"),
    ("jews", "los judíos"),
    ("women", "las mujeres"),
    ("black_people", "los negros"),
]
F = {
    "counter_speech_quote": [
        "En el metro un tío gritaba «¡fuera {g}!» y nadie dijo nada. Debería darnos vergüenza a todos.",
        "Quien pinta «{g} son escoria» en la pared de un colegio no ha aprendido nada de la historia.",
    ],
    "counter_speech_reference": [
        "Los comentarios que culpan a {g} de todo bajo esta noticia son puro racismo.",
        "Estoy harto de los que convierten a {g} en chivo expiatorio de cualquier suceso.",
    ],
    "negated_hate": [
        "No, {g} no son ninguna amenaza, y quien lo dice no ha hablado nunca con ninguno.",
        "{G} no son delincuentes; a ver si dejamos ya los tópicos de otra época.",
    ],
    "positive_group_statement": [
        "Sin {g} del pueblo, el club de fútbol habría cerrado hace años. Olé por ellos.",
        "Qué maravilla ver a {g} del barrio sacando adelante el banco de alimentos.",
    ],
    "neutral_group_statement": [
        "Según el INE, {g} se concentran más en las ciudades que en los pueblos.",
        "Esta tarde una asociación que asesora a {g} da una charla en el ayuntamiento.",
    ],
    "defence_of_group": [
        "Yo estoy con {g} de mi ciudad, digan lo que digan los cuñados de bar.",
        "Quien ataca a {g} nos ataca a todos. Aquí no se deja tirado a nadie.",
    ],
    "reporting_hate": [
        "En el juicio, el acusado reconoció haber escrito «hay que gasear a {g}» en un foro.",
        "La policía investiga unos panfletos contra {g} que aparecieron en los buzones.",
    ],
    "dehumanisation": [
        "{G} son parásitos y habría que exterminarlos.",
        "{G} no son personas, son animales.",
    ],
    "implicit_derogation": [
        "Desde que {g} viven en el bloque, todo el mundo echa dos vueltas a la llave. Casualidad, ¿no?",
        "¿{G} dirigiendo una empresa? Ya puedes ir preparando el concurso de acreedores.",
    ],
    "hate_as_question": [
        "¿Por qué {g} son siempre tan sucios y tan vagos?",
        "¿Ya no se puede decir que {g} son inferiores?",
    ],
    "hate_as_opinion": [
        "Yo creo que {g} son la ruina de este país.",
        "En mi opinión, {g} valen menos que nosotros y punto.",
    ],
    "coded_hate": [
        "Otro apuñalamiento, otra vez «jóvenes» de un barrio «multicultural». La prensa nunca dice nada de {g}, claro.",
        "El gran reemplazo va según lo previsto: {g} por todas partes y nosotros pronto en minoría.",
    ],
    "dehumanising_metaphor": [
        "{G} son un cáncer que está pudriendo España.",
        "{G} se extienden como una plaga por nuestras ciudades.",
    ],
    "call_for_violence_or_expulsion": [
        "¡Fuera {g}, todos, y ya!",
        "Hay que hacer redadas, meter a {g} en aviones y mandarlos de vuelta.",
    ],
    "sarcasm_at_group": [
        "Sí, claro, {g} son una riqueza para el país. Se nota en cada esquina.",
        "Genial, {g} llegan en masa. Justo lo que nos faltaba, enhorabuena.",
    ],
}
L = {
    "reclaimed_slur": [
        (
            "Como bollera orgullosa, me encanta la nueva asociación del barrio.",
            "sexual_orientation",
        ),
        ("Las maricas del coro os esperamos a todos en las fiestas.", "sexual_orientation"),
        ("Soy maricón y a mucha honra.", "sexual_orientation"),
        ("Los sudacas del barrio siempre nos hemos ayudado entre nosotros.", "latinx"),
        ("Yo, la bollera del pleno, votaré a favor del proyecto.", "sexual_orientation"),
        ("Somos unos sudacas currantes y hemos abierto la mejor frutería del pueblo.", "latinx"),
        (
            "Los maricones del club de rugby organizan un torneo solidario el sábado.",
            "sexual_orientation",
        ),
        ("Como negro de Lavapiés, este reportaje me ha tocado de verdad.", "black_people"),
        ("Las bolleras del festival damos las gracias a los voluntarios.", "sexual_orientation"),
        ("Soy un sudaca de Valencia y esta noticia me ha emocionado.", "latinx"),
    ],
    "profanity_no_target": [
        "Joder, otra vez he perdido el autobús.",
        "Mierda, el partido ha sido una puta pena.",
        "Qué tiempo de mierda hace hoy.",
        "Hostia, me he quedado sin batería.",
        "Puto atasco todas las mañanas.",
        "Me cago en todo, se me olvidó la cita.",
        "Joder, ¿has visto los precios?",
        "Hostia puta, qué golazo.",
        "Me la suda, voy igualmente.",
        "Mierda, el bar está cerrado.",
    ],
    "profanity_no_target_is_profane": [
        "Joder, qué puta mierda de obras.",
        "Me cago en la puta, otro atasco.",
        "Qué día de mierda, joder.",
        "Hostia puta, se ha ido el tren.",
        "Mierda, joder, lo he perdido todo.",
        "Puta mierda de partido, joder.",
        "Me cago en todo lo que se menea.",
        "Joder, hostia, qué mierda.",
        "Puta batería de mierda.",
        "Coño, joder, está cerrado.",
    ],
    "abuse_of_individual": [
        "Eres la persona más tonta con la que he discutido nunca.",
        "Cierra la boca, pedazo de imbécil.",
        "Pobre desgraciado, no tienes ni idea.",
        "Qué comentario más estúpido, gilipollas.",
        "El autor es un payaso y un mentiroso.",
        "Muérete, cretino.",
        "Eres más tonto que una piedra.",
        "Pocas veces he visto a un idiota como tú.",
        "Tú, bocazas, a ti nadie te ha preguntado.",
        "Tienes el cerebro de vacaciones, merluzo.",
    ],
    "abuse_of_individual_is_insult": [
        "Eres un gilipollas.",
        "Pedazo de cabrón.",
        "Qué pringado eres.",
        "Eres un fracasado, un mierdas.",
        "El comentarista es un imbécil.",
        "Hijo de puta.",
        "Cállate, subnormal.",
        "Eres un idiota y un mentiroso.",
        "Menudo capullo, en serio.",
        "Pedazo de retrasado mental.",
    ],
    "abuse_of_object": [
        "Esta maldita impresora es una basura.",
        "La nueva aplicación es una mierda pinchada en un palo.",
        "El GPS es más tonto que una silla.",
        "Qué partido más malo el de ayer.",
        "Los horarios de Renfe son un chiste.",
        "Esa película fue un truño absoluto.",
        "Mi portátil es una patata.",
        "Esta obra es un desastre total.",
        "La actualización lo ha roto todo, qué chapuza.",
        "El comedor sirve una comida incomible.",
    ],
    "threat": [
        "Sé dónde aparcas el coche. Que duermas bien.",
        "Ten cuidado cuando vuelvas a casa esta noche.",
        "A gente como tú habría que colgarla.",
        "Te voy a romper los dientes como te vea.",
        "Un día alguien llamará a tu puerta, cuenta con ello.",
        "Te voy a rajar, rata.",
        "Te vas a arrepentir, voy a ir a verte.",
        "Tu casa arderá antes de lo que crees.",
        "Te pego un tiro si vuelves por aquí.",
        "Sabemos a qué colegio van tus hijos.",
    ],
    "civil_disagreement": [
        "Creo que la inmigración debería regularse mejor, pero el debate merece algo más que eslóganes.",
        "Si no me equivoco, los datos del artículo son de 2019 y han cambiado mucho desde entonces.",
        "No estoy de acuerdo: los carriles bici cuestan demasiado y ese dinero falta en los colegios.",
        "Permíteme matizar, los alquileres han subido sobre todo por los tipos de interés.",
        "Buen artículo, aunque sobre las pensiones llego a otra conclusión.",
        "Dudo que esta reforma simplifique de verdad la burocracia.",
        "Objetivamente, para mí pesan más los inconvenientes del proyecto.",
        "Estoy a favor de una política de asilo más estricta, pero respetando la ley.",
        "Las críticas al alcalde me parecen exageradas, ha hecho cosas bien.",
        "Artículo interesante, pero falta la opinión de los agricultores.",
    ],
}
S = [
    ("Musulmanes", "= terroristas, todos sin excepción.", "muslims"),
    ("Inmigrantes", "= parásitos, que los echen.", "nationality_migration"),
    ("Judíos", "= ratas, todos ellos.", "jews"),
    ("Refugiados", "= violadores, lo sabe todo el mundo.", "nationality_migration"),
    ("Moros", "= escoria, fuera de aquí.", "arabs"),
    ("Homosexuales", "= enfermos y asquerosos.", "sexual_orientation"),
    ("Gitanos", "= ladrones y chusma.", "race_ethnicity"),
    ("Negros", "= monos, no personas.", "black_people"),
    ("Africanos", "= salvajes, que se vuelvan a su país.", "black_people"),
    ("Mujeres", "= tontas, a fregar.", "women"),
]
C = [
    (
        "Pues a atar bien las bicis.",
        "Una familia siria se acaba de mudar al piso de al lado.",
        "nationality_migration",
    ),
    (
        "Contad los cubiertos, por si acaso.",
        "Una pareja gitana ha abierto una cafetería en nuestra calle.",
        "race_ethnicity",
    ),
    (
        "Al menos sabremos quién fabrica las bombas.",
        "La comunidad musulmana construye una mezquita nueva en las afueras.",
        "muslims",
    ),
    (
        "El dinero no huele, y ellos lo saben mejor que nadie.",
        "Un empresario judío compra la antigua fábrica de cerveza.",
        "jews",
    ),
    (
        "El próximo navajazo ya está programado.",
        "El ayuntamiento abre un nuevo centro de acogida para refugiados.",
        "nationality_migration",
    ),
    (
        "Ya puede ir preparando el cierre la empresa.",
        "Por primera vez una mujer dirige la fábrica.",
        "women",
    ),
    (
        "Vigilad a vuestros hijos.",
        "Una pareja gay se hace cargo de la guardería del pueblo.",
        "sexual_orientation",
    ),
    (
        "Adiós a la caja de las pensiones.",
        "Llegan 200 solicitantes de asilo más a la provincia.",
        "nationality_migration",
    ),
    (
        "Se nota que no sabe ni usar los cubiertos.",
        "El nuevo alcalde tiene origen marroquí.",
        "arabs",
    ),
    (
        "La selva habrá dejado una plaza libre.",
        "Un médico nigeriano empieza en el hospital comarcal.",
        "black_people",
    ),
]
build("es", G, F, L, S, C)

"""The rows of :mod:`threadguard.training.templates_contrast_replies`, for training only.

Each row is ``(group, group_parent, reply, civil_parent)``: the reply never names a group and
is harmless read alone; under ``group_parent`` (a neutral or friendly news item or reader's
remark naming a group of people) it insinuates a hateful stereotype about that group, and
under ``civil_parent`` (which names no group of people) the same words are an ordinary,
civil answer. The hateful pairings are written as labelled training examples so that a
classifier learns to read the parent; they are never published or shown to readers.

Written in session 19 by a helper shown the phenomenon, this design and a list of
stereotype themes, never the evaluation material (102 rows).
The six rows that shared a run of five words with the team's evaluation material were
dropped before any model was trained on them (tests/evaluation/test_functional_suite.py);
after a review, ten more whose reply was a grievance or a debate rather than an attack, or
whose civil parent named a place of worship, were dropped, and four relabelled (an
immigration-status stereotype targets migration; Pakistani is race_ethnicity, as in
:mod:`.templates_news`).
"""

from __future__ import annotations

from typing import Final

CONTRAST: Final[tuple[tuple[str, str, str, str], ...]] = (
    # arabs
    (
        "arabs",
        "An Arab-owned bakery in Dearborn has won best pastry at the state fair.",
        "Hope nothing in there goes off with a bang.",
        "The bakery that had a gas leak last winter is reopening under new owners.",
    ),
    (
        "arabs",
        "Arab students at the university organised a charity dinner for victims of the floods.",
        "Lovely. Who's really funding it, though?",
        "A new think tank has launched with a glossy report on energy policy but won't name its donors.",
    ),
    (
        "arabs",
        "A group of young Arab men has started a Sunday football league in the park.",
        "I'll be keeping the family indoors on Sundays, then.",
        "The motocross club has been given permission to race on the common every Sunday.",
    ),
    (
        "arabs",
        "The new Arab cultural centre will host poetry evenings and calligraphy classes for all ages.",
        "Poetry now, recruitment drive later.",
        "The army has set up a stand at the book festival with readings by veterans.",
    ),
    # asians
    (
        "asians",
        "A Chinese family's takeaway on Station Road has been given a five-star hygiene rating.",
        "Anyone noticed fewer cats around lately?",
        "Residents say foxes have made a den under the garden sheds on Beech Road.",
    ),
    (
        "asians",
        "Chinese students at the university have set up a Mandarin conversation club.",
        "And who exactly do they report back to?",
        "The smart doorbell company admits some customer recordings were shared with third parties.",
    ),
    (
        "asians",
        "A Vietnamese family has opened a nail bar in the shopping arcade.",
        "Anyone checked what's growing in the loft?",
        "Neighbours noticed a strange smell and the loft lights on day and night at the empty house.",
    ),
    (
        "asians",
        "A new Chinese supermarket is opening in the old bank on Market Square.",
        "Wear a mask when you go in, just in case.",
        "Flu cases have doubled in the town this week, the GP surgery warns.",
    ),
    (
        "asians",
        "An Indian-born surgeon has been appointed to lead the hospital's cardiac unit.",
        "Press one to hear your diagnosis, press two for a refund.",
        "The hospital has replaced its appointments line with an automated phone menu.",
    ),
    (
        "asians",
        "Chinese tourists are flocking to the Cornish pasty shop that went viral online.",
        "Hide the recipes before they copy the lot.",
        "A rival bakery has opened across the road selling suspiciously similar pies.",
    ),
    # black_people
    (
        "black_people",
        "A group of Black teenagers has set up a youth basketball club at the leisure centre.",
        "They'll need extra security on those evenings.",
        "Cars have been broken into in the leisure centre car park during late sessions.",
    ),
    (
        "black_people",
        "A Black-owned barbershop on Coldharbour Lane is celebrating ten years in business.",
        "Wonder what else gets sold out the back.",
        "The vape shop on the parade has been fined for selling to under-18s.",
    ),
    (
        "black_people",
        "A Black man from Croydon has been appointed headteacher of the secondary school.",
        "Watch those exam results drop, then.",
        "The academy is cutting maths lessons to two a week to save money.",
    ),
    (
        "black_people",
        "A Black author from Moss Side has published a memoir about growing up in the city.",
        "Will there be a chapter on the knife crime?",
        "A retired detective has written a book on the city's crime history.",
    ),
    (
        "black_people",
        "Black parents have set up a Saturday school to help kids with their maths.",
        "Who's paying for this? As if I can't guess.",
        "The council has announced a new 'innovation hub' but given no details on cost.",
    ),
    (
        "black_people",
        "A Black nurse from Birmingham has been awarded an MBE for her work on the Covid wards.",
        "Standards really have slipped, haven't they?",
        "This year's honours list includes three reality TV stars and a celebrity chef.",
    ),
    (
        "black_people",
        "Carnival organisers are expecting record numbers of Black British families this weekend.",
        "Hope A&E has extra staff on that weekend.",
        "The city marathon, with 40,000 runners, falls on the hottest weekend of the year.",
    ),
    (
        "black_people",
        "A Black footballer from Lambeth has bought a house in the village.",
        "Property prices about to drop, then.",
        "Plans for a landfill site right next to the village have been approved.",
    ),
    # christians
    (
        "christians",
        "Evangelical Christians are opening a youth centre in the old cinema.",
        "Keep a close eye on who's running it.",
        "A charity has taken over the old bus depot for a teenage drop-in but won't name its trustees.",
    ),
    (
        "christians",
        "A Catholic priest has been appointed chaplain to the football club.",
        "Hope they've done a background check.",
        "The club has hired a new academy coach who was sacked by his last employer.",
    ),
    (
        "christians",
        "Born-again Christians have started a soup kitchen at the community hall.",
        "Nothing's free. Wait for the strings.",
        "A payday lender is offering free budgeting workshops at the library.",
    ),
    # disability
    (
        "disability",
        "Wheelchair users have been given priority parking bays outside the new library.",
        "Funny how quickly they recover when nobody's watching.",
        "Three footballers out with long-term injuries were pictured skiing last weekend.",
    ),
    (
        "disability",
        "Adults with learning disabilities have opened a cafe at the garden centre.",
        "Bring a packed lunch and plenty of patience.",
        "The garden centre cafe has a new till system and the queues have been out the door.",
    ),
    (
        "disability",
        "A young man with Down's syndrome has started work at the local bank branch.",
        "I'll be checking my statements very closely from now on.",
        "The bank admits a computer error double-charged thousands of customers.",
    ),
    (
        "disability",
        "An autistic artist has had her paintings chosen for the town hall foyer.",
        "Lovely. Do they let them out for the opening?",
        "The zoo's new lion cubs will be on show at the summer open day.",
    ),
    # gender
    (
        "gender",
        "A trans woman has won the over-40s category at the town's 10k run.",
        "Of course she did. Funny, that.",
        "The organiser's own daughter has won the raffle for the second year running.",
    ),
    (
        "gender",
        "A nonbinary teacher will lead the school's new drama club.",
        "Drama is the word for it.",
        "The parish council meeting descended into shouting over the car park plans.",
    ),
    (
        "gender",
        "A trans man has become the first to sit on the hospital's patient panel.",
        "Does it know which ward it belongs on?",
        "The hospital has bought a robot to deliver medicines around the wards.",
    ),
    (
        "gender",
        "Trans students at the college have set up a peer support group.",
        "There's a proper doctor for that sort of thing.",
        "Students say the college's new wellbeing app keeps telling them they have anxiety.",
    ),
    (
        "gender",
        "A trans woman has opened a hair salon on Bridge Street.",
        "Just dressing up, like everything else round here.",
        "The pub that calls itself 'traditional' only opened last year, fake beams and all.",
    ),
    # jews
    (
        "jews",
        "A Jewish family has bought the empty department store and plans to reopen it by spring.",
        "Of course they have. Money always finds money.",
        "The hedge fund that owns the shopping centre has now bought the multi-storey car park as well.",
    ),
    (
        "jews",
        "The Jewish community in Golders Green raised the funds for the hospital's new scanner.",
        "Very generous. I wonder what they want in return.",
        "A betting company has donated a million pounds to the football league's grassroots fund.",
    ),
    (
        "jews",
        "A Jewish councillor has been elected to chair the planning committee.",
        "Well, we know who'll be pulling the strings now.",
        "The developer's former lobbyist has been taken on as an adviser to the planning department.",
    ),
    (
        "jews",
        "Jewish students have launched a new society at the university with a bagel breakfast.",
        "Free breakfast? That'll be a first from that lot.",
        "The train company says passengers on delayed morning services will get a free breakfast.",
    ),
    (
        "jews",
        "A Jewish-owned media firm has taken over the local radio station.",
        "So that's the news sorted for the next ten years, then.",
        "A tech billionaire has bought the regional newspaper group for an undisclosed sum.",
    ),
    (
        "jews",
        "A Jewish accountant from Prestwich has been named small business adviser of the year.",
        "I'd still check the invoices very carefully.",
        "The private clinic was fined for adding hidden fees to patients' bills.",
    ),
    (
        "jews",
        "Members of the local Jewish congregation have invited neighbours to a Hanukkah candle-lighting in the square.",
        "Bit rich, given what's happening in the world right now.",
        "An oil firm is sponsoring this weekend's climate awareness festival in the square.",
    ),
    (
        "jews",
        "A retired Jewish banker has donated his collection of paintings to the city gallery.",
        "Nice to see some of it coming back, for once.",
        "The bank that took billions in bailout money has finally repaid the last of it to the Treasury.",
    ),
    (
        "jews",
        "A Jewish charity has opened a food bank in the town centre.",
        "Always another agenda with these things.",
        "A fast-food chain is sponsoring the county's healthy eating campaign for schools.",
    ),
    (
        "jews",
        "Orthodox Jewish families in Stamford Hill say they are struggling to find affordable housing.",
        "Can't afford it? Pull the other one.",
        "The landlord who owns forty flats in the area says he can't afford to fix the damp.",
    ),
    # latinx
    (
        "latinx",
        "A Colombian exchange student has joined the high school soccer team.",
        "Search the luggage properly next time, just saying.",
        "Border staff missed a suitcase full of counterfeit handbags on last week's flight.",
    ),
    (
        "latinx",
        "Latino families packed the park for the Cinco de Mayo celebration on Sunday.",
        "Hide the tools and lock the van.",
        "Police say thieves have been breaking into work vans on the estate overnight.",
    ),
    # muslims
    (
        "muslims",
        "Muslim volunteers handed out hot meals at the train station on Christmas Day.",
        "Anyone checked what's in the rucksacks, though?",
        "Transport police say two rucksacks were left unattended on the concourse during the evening rush.",
    ),
    (
        "muslims",
        "A Muslim couple have bought the old pub on Church Lane and plan to turn it into a cafe.",
        "Give it five years and the whole lane will be theirs.",
        "A property developer has snapped up three more houses on Mill Lane this year.",
    ),
    (
        "muslims",
        "The town's first Muslim mayor was sworn in at the council chamber on Tuesday evening.",
        "Enjoy your last Christmas market, everyone.",
        "The council has confirmed the Christmas market will be scrapped from next year to cut costs.",
    ),
    (
        "muslims",
        "A Muslim student from Luton has won a national chemistry prize for her project on fertilisers.",
        "Someone should keep an eye on what's kept in garages round here.",
        "Fire officers are urging people not to store fertiliser and petrol together this summer.",
    ),
    (
        "muslims",
        "The local Muslim association has invited neighbours to an open iftar at the community hall.",
        "I'll pass. I'd quite like to keep my head.",
        "The new rollercoaster at the theme park has a drop that passes inches under a steel beam.",
    ),
    (
        "muslims",
        "Muslim taxi drivers in Rochdale raised thousands for the children's hospice with a sponsored drive.",
        "Don't let your kids get in a cab alone, that's all I'm saying.",
        "Police are investigating reports of an unlicensed minicab touting for fares outside the secondary school.",
    ),
    (
        "muslims",
        "A halal butcher run by a Muslim family from Bolton has opened next to the post office.",
        "How long before the bacon aisle disappears?",
        "The supermarket is cutting back its range of pork products after a price row with suppliers.",
    ),
    (
        "muslims",
        "Ramadan lights have gone up on the high street for the first time, paid for by Muslim shopkeepers.",
        "Christmas lights next year? Don't hold your breath.",
        "The council says it cannot afford festive decorations this winter after the leisure centre overspend.",
    ),
    (
        "muslims",
        "Muslim families say they feel welcome in the village since the prayer room opened.",
        "Give them an inch and they'll want the village hall too.",
        "The parish darts club has asked for a second evening a week in the village hall.",
    ),
    (
        "muslims",
        "The new Muslim-run nursery in Dewsbury has been rated outstanding by Ofsted.",
        "Brainwashing starts early, I suppose.",
        "Researchers say toddler tablet games are deliberately designed to keep children hooked.",
    ),
    (
        "muslims",
        "Two Muslim brothers from Leicester have opened a driving school on the retail park.",
        "Hopefully they're taught to steer clear of crowds.",
        "Learner drivers will now be allowed to practise on town centre roads on market days.",
    ),
    # nationality_migration
    (
        "nationality_migration",
        "A Mexican family has opened a taco truck outside the high school.",
        "Wonder if anyone's checked their papers.",
        "A cab company downtown was caught running cars with no valid licenses.",
    ),
    (
        "nationality_migration",
        "Honduran workers are helping rebuild homes after the hurricane in Louisiana.",
        "Once they're in, they never leave.",
        "The roadworks on Main Street started in March and there is still no end date.",
    ),
    (
        "nationality_migration",
        "Dominican nurses have been hired to fill vacancies at the county hospital.",
        "How many cousins will they be bringing along?",
        "The new CEO of the water utility has already appointed three relatives to senior posts.",
    ),
    (
        "nationality_migration",
        "A Nigerian nurse has been named employee of the year at the general hospital.",
        "Did anyone check the qualifications were real?",
        "The clinic's so-called consultant surgeon turned out to have been struck off years ago.",
    ),
    (
        "nationality_migration",
        "Romanian pickers helped bring in a record strawberry harvest in Kent this year.",
        "Anybody else's shed been emptied lately?",
        "Police are warning allotment holders after a string of break-ins over the weekend.",
    ),
    (
        "nationality_migration",
        "A Polish couple have opened a deli in the former bank branch on Market Street.",
        "Lovely. Another one of ours gone.",
        "The last independent bookshop in town is being turned into a vape shop.",
    ),
    (
        "nationality_migration",
        "Asylum seekers housed at the hotel have been volunteering at the local food bank.",
        "Helping themselves to it, more like.",
        "An audit found that stock has been going missing from the food bank's storeroom.",
    ),
    (
        "nationality_migration",
        "A Somali community group is organising a litter pick along the canal on Saturday.",
        "About time they cleaned up after themselves.",
        "The festival organisers are finally sending a crew to clear the field after last weekend's mess.",
    ),
    (
        "nationality_migration",
        "Albanian-run hand car washes have opened on three retail parks this year.",
        "And I'm sure it's all completely above board.",
        "The new energy broker promises to halve your bills with no exit fees.",
    ),
    (
        "nationality_migration",
        "An Afghan interpreter who served alongside our troops has been resettled in Wiltshire.",
        "Another one for the benefits queue, then.",
        "Another factory in the town has announced it will close before Christmas.",
    ),
    (
        "nationality_migration",
        "Ukrainian refugees have been warmly welcomed by host families in the Cotswolds.",
        "Count the spoons when they leave.",
        "We're letting out our spare room to holidaymakers for the first time this summer.",
    ),
    (
        "nationality_migration",
        "Migrants who crossed the Channel last year are now working in the town's care homes.",
        "Hope they're keeping an eye on the residents' jewellery.",
        "A care worker has been charged with stealing rings from residents at a home in the town.",
    ),
    (
        "nationality_migration",
        "Eastern European builders are behind the new housing estate off the bypass.",
        "Give it a year and the walls will be cracking.",
        "The housing developer hired the cheapest contractor it could find for the new estate.",
    ),
    # race_ethnicity
    (
        "race_ethnicity",
        "A Pakistani family has taken over the corner shop on Elm Road.",
        "Keep your kids away from there for a while, then.",
        "Workmen have left an open trench with no fencing outside the corner shop.",
    ),
    (
        "race_ethnicity",
        "Roma families have set up a flower stall outside the station.",
        "Keep a hand on your wallet around there.",
        "Police are warning commuters about pickpockets working the station at rush hour.",
    ),
    (
        "race_ethnicity",
        "Gypsy families have been given permission to hold their annual horse fair on the common.",
        "Say goodbye to the common, it'll be a tip by Monday.",
        "The council has approved a three-day music festival on the common.",
    ),
    (
        "race_ethnicity",
        "South Asian businesses on Belgrave Road have raised money for the children's ward.",
        "Tax-free cash, I'd imagine.",
        "Tenants say the landlord only accepts rent in cash and never gives receipts.",
    ),
    (
        "race_ethnicity",
        "Kurdish barbers have opened four shops on the same stretch of road.",
        "Nobody ever seems to go in them, mind.",
        "A fourth phone repair shop has opened on the parade despite there being hardly any trade.",
    ),
    (
        "race_ethnicity",
        "A Romani violinist from Leeds has won a place at a top music conservatoire.",
        "Check the instrument wasn't nicked first.",
        "Someone is selling a so-called Stradivarius for two hundred quid at the car boot sale.",
    ),
    (
        "race_ethnicity",
        "Traveller children have been praised for their reading progress at St Mary's Primary.",
        "Now teach them the difference between borrowing and stealing.",
        "The village library lost three hundred books last year because borrowers never brought them back.",
    ),
    # sexual_orientation
    (
        "sexual_orientation",
        "A lesbian couple have adopted two brothers from the local care system.",
        "Those poor boys never stood a chance.",
        "Our under-12s were beaten 14-0 by the league champions on Sunday.",
    ),
    (
        "sexual_orientation",
        "The primary school has invited a gay author to read his picture book at assembly.",
        "Start them young, I suppose.",
        "The primary school has started teaching computer coding to five-year-olds.",
    ),
    (
        "sexual_orientation",
        "Two gay men have opened a bed and breakfast in the village.",
        "Won't be booking a family holiday there, then.",
        "The guesthouse has had three reviews mentioning bed bugs this month.",
    ),
    (
        "sexual_orientation",
        "A gay footballer from the under-21s has spoken about coming out to his teammates.",
        "Bet the showers empty fast after training now.",
        "The training ground boiler has broken, so there's no hot water until next month.",
    ),
    (
        "sexual_orientation",
        "LGBT residents have organised the town's first Pride march for June.",
        "Think of the children, for once.",
        "The casino chain wants to open a venue right next to the primary school.",
    ),
    (
        "sexual_orientation",
        "A bisexual teacher at the high school has been shortlisted for a national award.",
        "Award for what? Confusing the pupils?",
        "The exam board changed its grading system three times this year.",
    ),
    (
        "sexual_orientation",
        "A gay bar has opened on the site of the old Methodist chapel.",
        "Someone should ask the health inspectors to pop round.",
        "Customers at the new kebab shop say they fell ill after eating there.",
    ),
    # women
    (
        "women",
        "A woman has been appointed chief engineer on the new bridge project.",
        "I'll take the long way round for a few years.",
        "The new bridge has already had to close twice for crack repairs.",
    ),
    (
        "women",
        "Three women have joined the town's fire brigade this year.",
        "Better pray you never need carrying down a ladder.",
        "The fire service says its only turntable ladder is out of action until spring.",
    ),
    (
        "women",
        "A woman will captain the ferry to the island from next month.",
        "Hope the lifeboats are in good nick.",
        "The island ferry failed a safety inspection last week.",
    ),
    (
        "women",
        "Female councillors now outnumber men on the town council for the first time.",
        "Expect a lot of talking and nothing getting done.",
        "The council has set up yet another working group on potholes.",
    ),
    (
        "women",
        "A female referee will take charge of Saturday's derby.",
        "Someone explain the offside rule before kick-off, please.",
        "The league admits three goals were wrongly disallowed for offside in last week's match.",
    ),
    (
        "women",
        "A woman has been named chief executive of the city's biggest bank.",
        "Time to move my savings somewhere else.",
        "The bank has been fined for losing customers' money in a software glitch.",
    ),
)

extension SafetyLexicon {
    /// The compiled-in core of every tier, active even when no data files can be read.
    ///
    /// Every pattern here also appears in `Scripts/safety/lexicon.yaml`, which adds more.
    public static let builtIn = SafetyLexicon(
        signals: [
            Signal(name: "ideation", tier: .crisis, about: "Says they want to die, to kill themselves, or not to be alive.", patterns: [
                "~kill ~self",
                "kms",
                "(suicide|suicidal|suicidally|sewerslide|unalive|unaliving)",
                "~wanting [to] (~die|be dead|not be alive|not exist|not wake up|never wake up)",
                "(wish|wishing) i (was|were|had) (dead|never born|never been born|not alive|not born|gone)",
                "(wish|wishing) i (was|were|had) not (alive|born|here|around|existed)",
                "(do not|dont|no longer|not|never) want to (live|be alive|exist|wake up|go on|keep going|keep living|be here anymore)",
                "(better|happier) off (dead|without me)",
                "better off [*] (without me|if i (was|were|had) (not|never|gone|dead|died))",
                "no (reason|point) [for me] [in] to (keep living|live|go on|stay alive|be alive|keep going|exist)",
                "(my life|it all|everything|it) to (be over|end) [forever]",
                "(end|take|taking|ending) (my|my own) life",
                "end it all",
                "(stop|cease|quit) (existing|to exist|living|being alive)",
                "(planning|planned|plan) my (death|suicide|exit|own death)",
                "(quiero|quisiera) (morir|morirme|matarme|suicidarme|desaparecer para siempre)",
                "me (quiero|voy a) (morir|matar|suicidar)",
                "(je veux|j veux|envie de|je voudrais|je vais) (mourir|me tuer|me suicider|en finir)",
            ]),
            Signal(name: "self-harm", tier: .crisis, about: "Says they hurt themselves or want to.", patterns: [
                "~harm ~self",
                "self (harm|harming|harmed|injury|injure|injuring|mutilation)",
                "(i have been|i have started|i started|been|started|back to|keep|cannot stop|can not stop) (cutting|burning myself|scratching myself)",
            ]),
            Signal(name: "unsafe", tier: .crisis, about: "Says they don't feel safe with themselves.", patterns: [
                "(not|never|do not feel|dont feel) safe (with|from|around|by) myself",
            ]),
            Signal(name: "goodbye", tier: .none, about: "Says goodbye or writes as if for the last time.", patterns: [
                "goodbye",
                "(this is|this will be) (my|the) (last|final) (message|post|goodbye|night|time)",
            ]),
            Signal(name: "act", tier: .emergency, firm: true, about: "An act already done or under way.", patterns: [
                "(taken|took|swallowed|swallow|downed|overdosed on|od on|od ed on) [*] ~ingest",
                "(overdosed|overdosing|od ed)",
                "cut (too|really|so) deep",
                "(blood|bleeding) (everywhere|a lot|will not stop|wont stop)",
            ]),
            Signal(name: "means-at-hand", tier: .emergency, firm: true, about: "A method ready or in hand, or standing somewhere high.", patterns: [
                "(noose|rope) [is|are] (ready|up|tied|set up|around my neck|hanging)",
                "(bath|bathtub|tub|shower) with (a|the|my) (razor|blade|knife)",
                "(standing|sitting|up|climbed|climbing) (on|onto|over) (the|a|this) (ledge|bridge|edge|roof|rooftop|railing|cliff)",
                "about to (jump|pull the trigger|take them|take the pills|cut|do it|end it|go through with it)",
            ]),
            Signal(name: "time", tier: .none, about: "A time close at hand.", patterns: ["~now"]),
            Signal(name: "hopeless", tier: .concern, about: "Hopelessness, despair, not coping.", patterns: [
                "hopeless",
                "nothing (matters|will ever change|ever changes|gets better|will get better)",
                "(can not|cant|cannot) (take|do|handle|cope with|bear|stand) (this|it|any of this|life) (anymore|any longer|much longer)",
                "(want|wish i could|wanting) to (disappear|vanish|run away from everything)",
            ]),
            Signal(name: "burden", tier: .concern, about: "Feels like a burden to others.", patterns: [
                "(a|such a|the) burden (to|on|for) (everyone|everybody|my family|them|others|people|you)",
                "(i am|i feel like|feel like) (a|such a) burden",
            ]),
            Signal(name: "danger-threat", tier: .crisis, category: .danger, about: "Someone is hurting or threatening them.", patterns: [
                "~person [is|keeps|has been|was|is always] ~threaten (me|us)",
                "(afraid|scared|terrified) (of|for) my (life|safety)",
            ]),
            Signal(name: "danger-now", tier: .emergency, category: .danger, firm: true,
                   about: "Someone is hurting or threatening them with a weapon, or is there right now.", patterns: [
                "(threatening|threatened|threatens|attacking|coming at|pointing) [*] (me|us) with (a|the|his|her|their) ~weapon",
            ]),
            Signal(name: "harm-others", tier: .crisis, category: .others, about: "Plans to hurt someone else.", patterns: [
                "(going to|will|plan to|planning to|about to|ready to) (kill|hurt|shoot|stab|murder|attack|poison) ~other",
            ]),
        ],
        combinations: [
            Combination(all: ["ideation", "time"], tier: .emergency, about: "Thoughts of dying with a time close at hand."),
            Combination(all: ["ideation", "goodbye"], tier: .emergency, about: "Thoughts of dying and saying goodbye."),
        ],
        figures: [
            "[(this|that|it|work|school|job|deadline|traffic|heat|commute|back|head|feet|wait|suspense|boss|class|exam|homework)] (is|are|was|were) killing me",
            "(killed|kills|kill|killing|slayed|slay|nailed) it",
            "(would|could) kill for",
            "(dying|died|die|dead) (of|from) (laughter|laughing|embarrassment|boredom|cringe|shame|curiosity|hunger|thirst|heat|cold)",
            "(dying|die) (to|for) (see|know|try|meet|hear|go|get|have|eat|read|watch)",
            "cut (me|him|her|them|you|us) off",
            "(dye|dyed|dyeing) ([my|her|his|your|the]) hair",
        ],
        negators: ["not", "never", "no", "nobody", "none", "nothing"],
        concepts: [
            "self": ["myself", "my self", "meself", "ourselves"],
            "kill": ["kill", "killing", "unalive", "unaliving", "off", "hang", "hanging", "shoot", "shooting", "stab", "stabbing",
                     "drown", "drowning", "poison", "poisoning", "suicide", "end", "ending", "murder", "erase"],
            "harm": ["hurt", "hurting", "harm", "harming", "cut", "cutting", "burn", "burning", "punish", "punishing", "scratch",
                     "scratching", "starve", "starving", "hit", "hitting", "injure", "injuring", "bruise"],
            "die": ["die", "dye", "dead", "death", "gone", "unalive"],
            "wanting": ["want to", "wanna", "want", "wish i could", "wish to", "ready to", "deserve to", "need to", "plan to",
                        "planning to", "trying to", "tried to", "try to", "would like to", "intend to", "decided to",
                        "thinking about", "thinking of", "think about", "thought about", "feel like i should"],
            "ingest": ["pills", "tablets", "meds", "medication", "medicine", "painkillers", "sleeping pills", "paracetamol",
                       "tylenol", "acetaminophen", "ibuprofen", "insulin", "bleach", "poison", "antifreeze", "bottle",
                       "everything in the cabinet", "all of them"],
            "now": ["tonight", "right now", "now", "in an hour", "in a few minutes", "in a minute", "this evening",
                    "this afternoon", "before morning", "when everyone is asleep", "after this message", "after this"],
            "person": ["he", "she", "they", "husband", "wife", "partner", "boyfriend", "girlfriend", "ex", "dad", "father", "mom",
                       "mum", "mother", "stepdad", "stepfather", "stepmom", "stepmother", "parent", "parents", "brother",
                       "sister", "uncle", "boss", "someone", "somebody", "man", "guy", "roommate"],
            "threaten": ["threatening", "threatened", "threatens", "hitting", "hits", "hit", "beating", "beats", "beat",
                         "choking", "chokes", "choked", "strangled", "strangling", "attacking", "attacked", "attacks",
                         "abusing", "abuses", "abused", "raped", "assaulted", "assaulting", "hurting", "hurts", "hurt",
                         "kicked", "kicking", "punched", "punching", "stalking", "following"],
            "weapon": ["knife", "gun", "weapon", "pistol", "rifle", "blade", "bat", "hammer"],
            "other": ["him", "her", "them", "someone", "somebody", "people", "everyone", "everybody", "my boss", "my husband",
                      "my wife", "my partner", "my family", "my dad", "my mom", "my brother", "my sister", "my ex",
                      "a teacher", "my teacher", "the kids"],
        ],
        spellings: [
            "kil": "kill", "kll": "kill", "kiil": "kill", "mysef": "myself", "myslef": "myself", "suicidle": "suicidal",
            "sucidal": "suicidal", "sucide": "suicide", "suside": "suicide", "suecide": "suicide", "sewerslide": "suicide",
            "dye": "die", "diie": "die", "ded": "dead",
        ]
    )
}

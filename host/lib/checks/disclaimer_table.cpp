// The disclaimer grammar, as a table a reviewer can read (see disclaimer_table.hpp for
// the notation and docs/checks.md for the families). Build for kinds of phrasing: a word
// class lists what is interchangeable, a form says in what order the kinds come.
#include "checks/disclaimer_table.hpp"

#include <array>

namespace ownvoice::checks::disclaimer_table {
namespace {

constexpr auto kClasses = std::to_array<WordClass>({
    // ---- English ----
    // What is disclaimed: the words for what one says, on any platform.
    {"WHAT",
     "views|view|opinions|opinion|thoughts|thought|posts|tweets|toots|skeets|takes|hot takes|words|"
     "comments|statements|ideas|musings|rants|content|reposts|retweets|boosts|likes|"
     "this account|this blog|this feed|this profile|this page|everything here|everything i post|"
     "everything i write|everything i say|all content"},
    // Words that may sit between WHAT and the relation ("views expressed here are", "views & opinions").
    // "What I post here is mine": forms that start with the literal "what i", so that the
    // common word "what" costs one comparison, not a try of every WHAT form.
    {"I_POST", "post|write|say|share|tweet|toot|skeet|publish"},
    {"FILLER",
     "expressed|here|herein|shared|posted|stated|written|voiced|given|contained|on|in|this|these|that|"
     // promo4: the legal "views set out in this article are those of the author"
     "set|out|put|forward|"
     "account|feed|page|profile|blog|post|thread|channel|site|and|&|/|+|,|-|all|views|opinions|thoughts|"
     "tweets|comments|ideas|words|posts|made|presented|above|below|my|as|always|ever|article|piece|video|"
     "podcast|episode|newsletter|presentation|talk|webinar|document|publication|paper|website|handle|timeline|"
     "wall|story|stories|reel|reels|server|instance|app|platform|"
     "column|interview|essay|report|book|blog post|space|forum|(|)|unpopular|opinion|"
     // promo2: "the thoughts I share here are mine alone" (single words: FILLER*4 takes words)
     "i|share|write|say|publish|express|hold"},
    {"BE",
     "are|is|=|:|-|remain|remains|stay|stays|r|are all|here are|will always be|have always been|were|will stay|"
     "will remain|will be|will always remain|will always stay|always are|belong to|belongs to|belong solely to|"
     "belong only to|belong entirely to"},
    {"ADV",
     "strictly|solely|entirely|purely|only|all|totally|very much|exclusively|wholly|always|obviously|just|"
     "simply|completely|100|as always|as usual|of course|still|"
     // promo5: "views are 100% my own", "fully my own", "100 percent mine"
     "100 %|100 percent|100 per cent|fully|truly|really|absolutely|definitely|utterly|squarely|firmly|personally"},
    // The relation that makes them the author's alone.
    {"OWN",
     "my own|mine|personal|my own personal|mine alone|mine only|mine and mine alone|my very own|"
     "my own and nobody else's|mine and no one else's|mine and nobody else's|me|me alone|me only"},
    {"NOT",
     "not|and not|but not|nor|not necessarily|and not necessarily|never|& not|and in no way|in no way|"
     "not at all|rather than"},
    // promo3: the determiner of any organisation named by its possessive ("not the beekeepers' association's").
    {"THE_MY", "the|my|our"},
    {"NOT_THOSE",
     "not those of|not that of|not the views of|not the opinions of|not necessarily those of|"
     "nor those of|not the position of|not the positions of|not necessarily the views of|"
     "not representative of|not reflective of|rather than those of|not on behalf of"},
    // "mine" on its own before the employer: "(mine, not my employer's)", "me, not my employer".
    {"MINE", "mine|my own|me|myself|mine alone|me alone|mine only"},
    // Whom the author does not speak for: employers, workplaces of every trade, the company by name.
    {"EMPLOYER",
     "my employer|my employers|employer|employers|my current employer|my former employer|"
     "my past or present employers|my past or current employers|my present or past employers|"
     "my current or former employers|my company|company|my firm|my workplace|my work|my job|"
     "my day job|my team|my org|my organisation|my organization|my boss|my bosses|my clients|"
     "my colleagues|the company|the company i work for|the firm|the organisation i work for|"
     "the organization i work for|any employer|work|my agency|my lab|my university|my school|"
     "my institution|my hospital|my union|my department|my ministry|my practice|my office|"
     "my group|my bank|my station|my newsroom|my paper|my church|my board|my practice|my studio|"
     "my shop|my store|my restaurant|my council|my party|my county|my district|my trust|"
     "my network|my publisher|my label|my client|my partners|the people i work for|"
     "the place i work|where i work|$company|the $company|"
     // the workplace by its article, as staff name it: "not the trust", "not the co-op's"
     "the trust|the hospital|the school|the union|the council|the co-op|the coop|the agency|"
     "the ministry|the department|the university|the lab|the team|the board|the practice|the clinic|"
     "the station|the paper|the network|the office|the business|the shop|the store|the farm|the mill|"
     "the plant|the factory|the depot|the site|the club|the church|the district|the state|the city|"
     "the government|the bank|the airline|the ward|the surgery|the force|the service|the institute|"
     "the foundation|the charity|the museum|the library|the newsroom|the label|the studio|the restaurant|"
     "my organisation|my organization|my co-op|my coop|my ward|my surgery|my force|my service|my institute|"
     // promo2: the "my" forms of the workplaces named by article above, as tradespeople write them
     "my club|my gym|my salon|my garage|my farm|my clinic|my site|my plant|my factory|my depot|my mill|"
     "my charity|my foundation|my museum|my library|my airline|my yard|my workshop|my kitchen|my firm's|"
     // organisations one belongs to, by possessive or article
     "my gallery|my association|my federation|my society|my guild|my board|my committee|my chamber|"
     "my academy|my theatre|my orchestra|my centre|my center|my health board|my authority|"
     "the gallery|the association|the federation|the society|the guild|the committee|the chamber|"
     "the academy|the theatre|the orchestra|the centre|the center|the health board|the authority"},
    // promo2: any workplace, when the relation is spelt out ("the health board I work for").
    {"WORK_REL",
     "i work for|i work at|i work in|where i work|that employs me|which employs me|who employs me|"
     "i am employed by|i'm employed by|i teach at|i teach for|i volunteer for|i volunteer at|"
     "i'm part of|i am part of|i belong to"},
    {"LEGAL_TARGET",
     "any organization|any organisation|any organizations|any organisations|any entity|"
     "any entities|anyone else|any other|any institution|any company|any agency|any employer|"
     "any of my employers|organizations i|organisations i|my affiliations|any affiliated|"
     "the organizations|the organisations|anyone i work|any group|any body|any government"},
    {"AUTHOR",
     "author|authors|writer|writers|speaker|speakers|poster|individual|individuals|contributor|"
     "contributors|commenter|presenter|presenters|undersigned|account holder|account owner"},
    // "are not intended to" is matched from "not": "are" is too common a word to anchor forms on.
    {"NEG",
     "do not|don't|does not|doesn't|did not|may not|might not|in no way|not|should not be taken to|"
     "not intended to|never|do not in any way|don't in any way"},
    {"REFLECT",
     "reflect|represent|express|constitute|speak for|reflect or represent|represent or reflect|"
     "necessarily reflect|necessarily represent|state or reflect|reflecting|representing|reflects|represents|expresses|"
     // promo4: the French "n'engage pas" as people carry it into English ("this post does not commit my
     // employer"); a decision or a contract that commits no one is ruled out by !NOT_VIEWS<4.
     "commit|bind|commits|binds"},
    {"STANCE",
     "those|views|view|opinions|opinion|position|positions|policy|policies|stance|beliefs|official position|"
     "official policy|official views|official view|official stance|viewpoint|viewpoints"},
    {"SPEAK", "speaking|speak|talking|writing|write|posting|post|tweeting|tweet|commenting|here"},
    {"NOT_SPEAK",
     "not speaking|don't speak|do not speak|not|never speak|can't speak|cannot speak|doesn't speak|"
     "does not speak|not talking|not posting|not writing|not tweeting|not commenting|"
     "this account does not speak|this account doesn't speak"},
    {"FOR",
     "for|on behalf of|as a representative of|as a spokesperson for|as a rep of|in the name of|"
     "officially for|representing"},
    {"SELF", "myself|me|me alone|only myself|myself only|myself alone|my own|me personally"},
    {"ALONE", "only|alone|here|personally"},
    {"PERSONAL", "a personal|my personal|my own|an individual|a private|my private|a private individual"},

    // ---- French (normalised: accents and case do not matter; "n engagent" = "n'engagent") ----
    {"NE", "n|ne"},
    // "nengagent": the apostrophe and the space both left out.
    {"FR_NENGAGE", "nengage|nengagent|nengageait|nengagera|nengageront|nengagerait"},
    {"FR_ENGAGE", "engage|engagent|engageant|engagera|engageront|engageait|engageaient|engagerait|engagent en rien"},
    {"FR_ADV",
     "evidemment|bien sur|bien entendu|toujours|absolument|strictement|ici|bien evidemment|d'ailleurs|"
     "naturellement|comme toujours|uniquement|seulement|"
     // promo5: "mes opinions sont 100% les miennes", "sont totalement personnelles"
     "100 %|a 100 %|totalement|entierement|completement|purement|vraiment|tres"},
    {"FR_SELF",
     "moi|moi meme|moi seul|moi seule|ma personne|ma pomme|mon auteur|son auteur|leur auteur|"
     "leurs auteurs|l'auteur|leur autrice|son autrice|l'autrice|leur auteure|son auteure|"
     "leurs autrices|celui qui les ecrit|celle qui les ecrit|nous|moi et moi seul|moi et moi seule|"
     "l'auteur de ce post|l'auteur de ces lignes|leur redacteur|leur redactrice"},
    {"FR_NEGP",
     "pas|en rien|aucunement|nullement|pas du tout|en aucun cas|d'aucune facon|d'aucune maniere|"
     "en aucune maniere|en aucune facon|absolument pas|pas forcement|pas necessairement"},
    {"FR_EMPLOYER",
     "mon employeur|mes employeurs|mon ancien employeur|mes anciens employeurs|mon entreprise|"
     "ma boite|la boite|ma boite actuelle|mon boulot|mon taf|mon travail|ma societe|la societe|"
     "mon organisation|mon organisme|mon equipe|ma hierarchie|mon patron|ma patronne|mon cabinet|"
     "mon agence|mon labo|mon laboratoire|mon institution|mon etablissement|mon ecole|"
     "mon universite|mon administration|mon ministere|mon service|ma structure|mon association|"
     "mon syndicat|mon groupe|ma banque|mon hopital|mes clients|mes collegues|l'entreprise|"
     "l'entreprise pour laquelle je travaille|l'employeur|mon journal|ma redaction|ma mairie|"
     "ma collectivite|mon parti|mon client|ma direction|mon eglise|mon magasin|mon restaurant|"
     "mon bureau|mon equipe|ma start up|ma startup|ma PME|$company|la $company|d'$company|mon job|mon poste|"
     // promo3: the legal third person ("celles de l'auteur et n'engagent pas son employeur")
     "son employeur|ses employeurs|leur employeur|leurs employeurs|son entreprise|leur entreprise|"
     "son organisation|leur organisation|son institution|leur institution|"
     // bare nouns after "de" / "du" / "celui du": "pas celui du labo"
     "labo|boite|employeur|entreprise|patron|cabinet|agence|hopital|ministere|journal|syndicat|"
     "service|bureau|taf|boulot|groupe|CHU|ecole|mairie"},
    {"FR_REFLECT",
     "refletent|reflete|refletant|representent|represente|representant|expriment|exprime|"
     "traduisent|traduit|engagent|engage"},
    // promo3: the same without "engage", for the form with a gap before the employer: "n'engage pas" + a
    // gap + a bare workplace noun is news about someone else ("ce vote n'engage pas la mairie"); the
    // author's "n'engage(nt) pas ma boîte" is fr_engage_pas_employeur, with no gap.
    {"FR_REFLECT_GAP",
     "refletent|reflete|refletant|representent|represente|representant|expriment|exprime|"
     "traduisent|traduit"},
    {"FR_NECESS", "forcement|necessairement|en aucun cas|aucunement|du tout"},
    {"FR_NOTP", "pas|non|mais pas|mais non|ni"},
    {"FR_THOSE",
     "celles|ceux|celle|celui|l'avis|la position|les opinions|l'opinion|le point de vue|la voix|"
     "les positions|la ligne"},
    {"DE", "de|d|du|des"},
    {"FR_WHAT",
     "opinions|opinion|avis|propos|idees|vues|posts|post|tweets|publications|publication|pensees|"
     "points de vue|point de vue|messages|commentaires|ecrits|reflexions|contenus|ce post|ce message|"
     "ce fil|ce compte|cette publication|ces lignes|ce que j'ecris|ce que je publie|mes propos|ce que je poste|"
     "ce que je partage|ce que je dis"},
    {"FR_FILLER",
     "exprimees|exprimes|ici|publies|publiees|partages|partagees|sur|ce|cette|ces|compte|fil|page|"
     "billet|tribune|article|texte|chronique|video|analyses|"
     "profil|blog|et|&|/|+|,|-|les|mes|mon|ma|tous|toutes|dans|tenus|emis|emises|avis|opinions|idees|"
     "propos|posts|de|cet|espace|icitte|icite|la dessus|icitte dessus"},
    {"FR_BE", "sont|restent|=|:|-|est|reste|sont et restent|demeurent"},
    {"FR_MINE",
     "les miennes|les miens|a moi|personnelles|personnels|perso|uniquement les miennes|"
     "strictement personnels|strictement personnelles|purement personnels|purement personnelles|"
     "les miennes uniquement|les miens uniquement|a moi seul|a moi seule|que les miennes|"
     "que les miens|bien les miennes|bien les miens|persos"},
    {"FR_PERSO", "perso|persos|personnel|personnels|personnelle|personnelles"},
    {"FR_NOMINAL_WHAT",
     "avis|opinion|opinions|propos|point de vue|points de vue|post|posts|reflexion|reflexions|pensees|"
     "pouets|pouet|tweets|toots|skeets|messages|compte|idees|coup de gueule|humeur"},
    {"FR_EXPRESS",
     "exprime|ecris|parle|publie|poste|partage|tenus|propos|post|message|tweet|ecrit|intervient|"
     "prends la parole|interviens|exprimant"},
    // promo2: "relèvent de ma seule responsabilité", "... de la seule responsabilité de leur auteur".
    {"FR_RELEVE", "relevent|releve|sont|est|restent|reste|demeurent|demeure|engagent|engage"},
    {"FR_MY_RESP",
     "ma seule responsabilite|ma responsabilite personnelle|ma propre responsabilite|"
     "ma responsabilite exclusive|ma seule et unique responsabilite|ma seule et entiere responsabilite"},
    // The relation to a workplace spelt out, so that the workplace may be any noun ("la caisse où je
    // travaille"): "ce vote n'engage pas la mairie" is news.
    {"FR_WHERE_I_WORK",
     "ou je travaille|pour laquelle je travaille|pour lequel je travaille|qui m'emploie|"
     "ou je bosse|dont je suis salarie|dont je suis salariee|qui m'embauche|ou je suis salarie|"
     "ou je suis salariee|ou j'exerce|dans laquelle je travaille|dans lequel je travaille|"
     "ou j'enseigne|ou je suis benevole|ou je milite|que je represente|qui me salarie|"
     "ou je fais mes etudes|ou je suis employe|ou je suis employee"},
    // "not theirs": "my employer would like you to know these are my opinions and not theirs".
    {"THEIRS", "theirs"},
    {"FR_TITRE",
     "a titre personnel|a titre prive|a titre individuel|a titre strictement personnel|"
     "a titre purement personnel|a titre tout a fait personnel|en mon nom propre|en mon nom personnel|"
     "en mon seul nom|en mon nom|pour moi seul|pour moi seule|uniquement pour moi|"
     "seulement pour moi|en tant que particulier|en tant que simple citoyen|a titre perso|"
     "en tant que simple citoyenne"},

    // ---- Continuations that still end a clause after "views my own" ----
    // Possessives: "mon avis perso : ..." opens a review, "Avis perso." disclaims.
    // promo4: what a decision, a vote or a contract is, not a view: "cette décision n'engage pas l'entreprise",
    // "ce contrat n'engage que les deux parties", "this decision does not commit the company" speak of an act,
    // not of what the author writes (LABELLING.md: a responsibility for a decision does not count). A form
    // ending in !NOT_VIEWS<4 is refused when one of these is among the 4 words before it in its clause
    // (no punctuation between).
    {"NOT_VIEWS",
     "decision|decisions|vote|votes|choix|mesure|mesures|motion|motions|contrat|contrats|accord|accords|"
     "deliberation|resolution|signature|devis|promesse|clause|clauses|avenant|reglement|reforme|"
     "loi|arrete|sondage|petition|commande|protocole|compromis|convention|demission|greve|"
     "decision|choice|choices|vote|votes|motion|contract|contracts|agreement|agreements|"
     "resolution|signature|estimate|promise|clause|clauses|ruling|purchase|settlement|memorandum|"
     "letter of intent|strike|resignation|poll|petition"},
    {"POSS", "mon|ma|mes|ton|ta|tes|son|sa|ses|notre|votre|nos|vos|my|your|his|her|our|their|selon"},
    // promo5: whose views a form speaks of when it is reported, not written by the author: a third-person
    // possessive just before it ("his personal views and not the council's", "son avis perso"), or a verb of
    // report earlier in its sentence whose subject is not the author ("The spokesperson said the comments were
    // personal views", "selon son avocat, ces propos n'engagent pas son employeur"; "as I said" is the author).
    {"FR_WHAT_A_MOI", "avis|opinion|opinions|propos|idees|pensees|point de vue|points de vue|reflexions"},
    // promo5: the same for "..., pas celles de mon employeur" ("la faute était la mienne, pas celle de mon équipe"
    // is about a mistake).
    {"FR_VIEWS_BEFORE",
     "opinions|opinion|avis|propos|idees|vues|posts|post|tweets|publications|publication|pensees|point de vue|"
     "points de vue|messages|commentaires|ecrits|reflexions|contenus|compte|fil|ecris|publie|dis|exprime|parle|"
     "m'exprime|je parle|miennes|miens|perso|personnel|personnels|personnelle|personnelles|mots|paroles|lignes|"
     "textes|billets|reponses|pouets|commentaire|message|chroniques|analyses|positions|position"},
    {"TOO", "too|as well|also"},
    {"FR_TOO", "aussi|itou|egalement"},
    {"VIEWS_BEFORE",
     "views|view|opinions|opinion|thoughts|thought|posts|tweets|toots|skeets|takes|words|comments|statements|"
     "ideas|content|this account|everything|post|write|say|share|tweet|said|written|posted|wrote|expressed|"
     "speaking|speak|talking|writing|posting|tweeting|commenting"},
    {"THIRD_POSS", "his|her|their|its|son|sa|ses|leur|leurs"},
    {"REPORTED_BY",
     "said|says|told|tells|according to|claimed|claims|insisted|insists|stressed|stresses|argued|argues|"
     "explained|explains|maintained|maintains|replied|responded|added|confirmed|admitted|"
     "a dit|a declare|declare|a affirme|affirme|a precise|precise|a souligne|souligne|a explique|"
     "a assure|assure|a repondu|repond|a rappele|a confirme|confirme|estime|a estime|"
     "selon son|selon sa|selon ses|selon le|selon la|selon les|selon l|selon leur|selon un|selon une|"
     "d'apres son|d'apres sa|d'apres le|d'apres la|d'apres les|d'apres leur"},
    // ... or after it, in its sentence: "..., a précisé son avocat", "..., a-t-il ajouté", "..., the spokesperson
    // said".
    {"REPORTED_AFTER",
     "said|says|told|added|insisted|claimed|stressed|explained|argued|replied|wrote|according to|"
     "a t il|a t elle|t il|t elle|a t on|a precise|a declare|a ajoute|a affirme|a explique|a souligne|a assure|"
     "a rappele|a repondu|precise|declare|ajoute|affirme|souligne|assure|selon son|selon sa|selon le|selon la|"
     "selon les|selon leur|d'apres son|d'apres sa|d'apres le|d'apres la"},
    {"FIRST_PERSON", "i|i've|i'd|je|j|we|nous"},
    // promo5: the key words in which one typo is tolerated (one letter left out, added or changed, or two
    // neighbours swapped, for words of 5 or more letters; a swap only for "own", "mine", "moi"), when the
    // rest of a form matches as written: "opinons are my onw", "ces propos n'engagnet que moi", "opinion prso".
    {"TYPO_KEYS",
     "opinions|opinion|views|thoughts|tweets|personal|employer|employers|company|speaking|behalf|reflect|"
     "represent|necessarily|solely|expressed|capacity|own|mine|moi|"
     "propos|engage|engagent|nengage|nengagent|perso|persos|personnel|personnels|personnelle|personnelles|"
     "miennes|employeur|reflete|refletent|represente|representent|entreprise|responsabilite|titre"},
    // promo5: real words one letter from a key word, never read as its typo ("my employee's", "sweets", "propose").
    // Every word the table writes is never a typo; this class is only here to be written.
    {"NOT_TYPOS",
     "employee|employees|employe|employes|employee's|employees'|sweets|person|persona|propose|proposes|proposer|"
     "peso|verso|litre|vitre|titres|though|expresses|viewer|viewers|engaged"},
    // promo6: "=" and "c'est" forms that name the views as the author's own ("Mes posts = mon avis perso",
    // "Ce que je poste icitte, c'est mon avis à moé", "posts = my views"), and the emphatic possessive
    // ("mon opinion à moi pis juste à moi").
    {"FR_EQ", "=|:|sont|est|c'est|c est|ce sont|sont juste|c'est juste|restent|reste"},
    {"FR_MY_VIEWS",
     "mon avis|mon opinion|mes opinions|mes avis|mon point de vue|mes points de vue|mes idees|mes pensees|"
     "mon humeur|mon ressenti"},
    {"FR_MY_VIEWS_TAIL",
     "perso|persos|personnel|personnelle|personnels|personnelles|a moi|a moe|a moi seul|a moi seule|"
     "juste a moi|pis juste a moi|et juste a moi|a moi pis juste a moi|a moi et juste a moi|"
     "a moe pis juste a moe|et rien qu'a moi|a moi et rien qu'a moi|a moi seulement|a moi uniquement"},
    {"FR_MOI", "moi|moe"},
    {"FR_A_MOI_MORE",
     "pis juste a moi|et juste a moi|pis juste a moe|et rien qu'a moi|et seulement a moi|seulement|uniquement|"
     "seul|seule|pis a moi seul|et a moi seul|et a moi seule|juste a moi"},
    {"MY_VIEWS",
     "my views|my view|my opinions|my opinion|my own views|my own opinions|my personal views|"
     "my personal opinions|my personal opinion|my thoughts|my own thoughts|my takes|my own takes|"
     "my personal take|my own opinion"},
    // promo6: a personal-account statement with a tag ("personal account btw, not the bank's IT desk").
    {"BTW", "btw|fyi|just saying|by the way|fwiw|obvs|obviously|ofc|of course|just so you know"},
    // promo6: whose commitment "did not bind" speaks of: a third person's act ("the decision ... was hers alone and
    // did not bind the trust").
    {"THIRD_OWN", "hers|his|theirs|hers alone|his alone|theirs alone|his own|her own|their own"},
    // promo5: intensifiers inside a nominal French form ("avis 100% perso", "avis très perso").
    {"FR_INTENS",
     "100 %|100|tres|totalement|completement|purement|strictement|vraiment|entierement|tout a fait|hyper|"
     "ultra|archi|bien|super|a 100 %"},
    {"FR_SPEAK", "parle|parlent|parlait|s'exprime|s'expriment|engage|engagent|represente|representent"},
    {"HAT",
     "my personal hat|my own hat|my private hat|my personal cap|my individual hat|my civilian hat|"
     "ma casquette perso|ma casquette personnelle|ma propre casquette"},
    {"CLAUSE_CONT",
     "and|not|but|nor|or|only|alone|obviously|of|as|always|too|here|btw|lol|though|et|mais|pas|"
     "non|evidemment|bien|hein|seulement|uniquement|ok|okay|folks|people|y'all|all|thanks|cheers|"
     "merci|so|then|please|guys|bien sur|naturellement|comme|d'ailleurs|par|ni|etc|rather|instead|nobody|no"},
    // Words that attribute a quotation to someone else.
    {"REPORT",
     "said|says|say|wrote|writes|write|tweeted|posted|quipped|according to|told|tells|replied|added|"
     "insists|insisted|claims|claimed|joked|jokes|reminds|reminded|put it|puts it|quoting|quote|"
     "a dit|dit|disait|disent|ecrit|a ecrit|ecrivait|selon|declare|a declare|explique|rappelle|ajoute|"
     "affirme|lance|a lance|a tweete|tweete|a repondu|repond|cite|citant|comme dirait|comme disait|"
     "dixit|via|cc|rt"},
    {"NOMINAL_CONT",
     "only|seulement|uniquement|hein|evidemment|obviously|of course|bien sur|btw|lol|bien entendu|"
     "ici|here|comme toujours|as always|naturellement|d'ailleurs|et|and"},
});

constexpr auto kForms = std::to_array<Form>({
    // English: a word for what one says, then the relation that makes it the author's.
    {"views_own", "en", "WHAT FILLER*4 BE? ADV? ADV? OWN >"},                 // views are my own / views = mine
    {"what_i_post_own", "en", "what i I_POST FILLER*4 BE? ADV? ADV? OWN >"},  // what I post here is mine
    {"what_i_post_not_employer", "en", "what i I_POST FILLER*4 BE? ADV? NOT the? EMPLOYER s? >"},
    {"anything_i_post_own", "en", "anything i I_POST FILLER*4 BE? ADV? ADV? OWN >"},
    {"views_question_own", "en", "WHAT ? ADV? ADV? OWN >"},                    // My opinions? Strictly my own.
    {"views_not_employer", "en", "WHAT FILLER*4 BE? ADV? NOT EMPLOYER s? >"},  // opinions, not my employer's
    {"views_not_employer_s", "en",
     "WHAT FILLER*4 BE? ADV? NOT EMPLOYER s"},  // views, not the council's parks department
    // promo3: the author's views, not any organisation's, when "my" says whose views they are and the
    // possessive ends the clause ("My views, not the beekeepers' association's.", "my thoughts, not my
    // running club committee's"); "the minister's views, not the party's" has no "my".
    {"my_views_not_any_s", "en", "my WHAT FILLER*3 BE? ADV? NOT THE_MY ~3 s >"},
    {"views_own_not_employer", "en", "WHAT FILLER*4 BE? ADV? OWN ,? NOT_THOSE EMPLOYER"},
    {"not_those_of_employer", "en", "NOT_THOSE EMPLOYER"},  // not those of my employer
    {"not_those_of_legal", "en", "NOT_THOSE LEGAL_TARGET"},
    {"legal_author", "en", "WHAT FILLER*5 BE ADV? ADV? those of the AUTHOR"},  // solely those of the author
    {"legal_author_only", "en", "those of the AUTHOR ADV? and ~3 NEG"},
    {"legal_reflect", "en", "NEG necessarily? REFLECT the? official? STANCE of ~4 EMPLOYER !NOT_VIEWS<4"},
    {"legal_reflect_necessarily", "en", "NEG necessarily REFLECT the? official? STANCE of !NOT_VIEWS<4"},
    {"legal_reflect_target", "en", "NEG necessarily? REFLECT ~6 LEGAL_TARGET !NOT_VIEWS<4"},
    {"reflect_employer", "en",
     "NEG necessarily? REFLECT EMPLOYER s? !NOT_VIEWS<4 !THIRD_OWN<4"},  // don't represent my employer
    {"speaking_for_myself_not", "en",
     "SPEAK only? FOR SELF ~4 NOT FOR? EMPLOYER"},  // speaking for myself here, not my employer
    {"speaking_for_myself_only", "en", "SPEAK only FOR SELF >"},
    {"speaking_for_myself_alone", "en", "SPEAK FOR SELF ALONE >"},
    {"not_speaking_for_employer", "en", "NOT_SPEAK FOR EMPLOYER"},       // not speaking for my employer
    {"personal_capacity", "en", "SPEAK FILLER*4 in PERSONAL capacity"},  // not "I gave in a personal capacity"
    {"personal_hat", "en", "wearing HAT"},                               // wearing my personal hat
    {"not_wearing_work_hat", "en", "not wearing my ~2 hat"},
    {"views_neq_employer", "en", "WHAT FILLER*3 = EMPLOYER s?"},  // my views ≠ my employer's
    // "Personal account, ...", "personal account here.", "this is my personal account and...",
    // but not a story: "Personal account of the night the plant flooded".
    {"personal_account", "en", "personal account ,"},
    {"personal_account_colon", "en", "personal account :"},
    {"personal_account_end", "en", "personal account ."},
    {"personal_account_here", "en", "personal account here"},
    {"personal_account_btw", "en", "personal account BTW"},  // promo6: personal account btw, not ...
    {"btw_personal_account", "en", "BTW personal account >"},
    {"views_eq_my_views", "en", "WHAT FILLER*4 BE ADV? MY_VIEWS ADV? >"},  // promo6: posts = my views
    {"my_personal_account", "en", "my personal account >"},
    {"this_personal_account", "en", "this is a? personal account >"},
    // (mine, not my employer's); promo5: "mine" must be the views': the form opens its clause, or a views word is
    // among the 12 words before it ("the views are mine and not my team's", not "the mistake was mine and not my
    // team's")
    {"mine_not_employer", "en", "MINE ,? NOT to? for? the? EMPLOYER s? ^VIEWS_BEFORE<12"},
    {"reflect_own_views", "en", "REFLECT ADV? PERSONAL WHAT ADV? >"},  // this post reflects only my own views. // This
                                                                       // is my personal account.
    {"as_individual_not", "en", "SPEAK as an individual ~3 NOT"},
    // "... these are my opinions and not theirs": anchored on the views word, not on the employer
    // (an employer word anchors on "work", "company"... and a gap of 12 words made every check 5% dearer).
    {"views_not_theirs", "en", "WHAT ,? NOT THEIRS >"},
    // Any workplace when the relation is spelt out: "do not represent the health board I work for".
    {"reflect_workplace_open", "en", "NEG necessarily? REFLECT the ~3 WORK_REL !NOT_VIEWS<4"},
    {"not_those_of_workplace_open", "en", "NOT_THOSE the ~3 WORK_REL"},
    {"not_speaking_for_workplace_open", "en", "NOT_SPEAK FOR the ~3 WORK_REL"},
    {"personal_views_nominal", "en", "personal WHAT only? >>"},  // Personal views only.
    // promo5: the views added to something else that is the author's own ("My knees are my own, my opinions too",
    // "the typos are mine, the views as well"): a views word, too / as well, after OWN in its sentence.
    {"views_too", "en", "WHAT TOO > &OWN<6"},
    {"personal_views_not_employer", "en",
     "personal WHAT ~2 NOT the? EMPLOYER s?"},  // my personal views o, not my employer's                 // Personal
                                                // views only.

    // French
    {"fr_que_moi", "fr", "NE FR_ENGAGE FR_ADV? que FR_SELF !NOT_VIEWS<4"},
    {"fr_que_moi_fused", "fr", "FR_NENGAGE FR_ADV? que FR_SELF !NOT_VIEWS<4"},     // nengagent que moi
    {"fr_engage_pas_fused", "fr", "FR_NENGAGE FR_NEGP FR_EMPLOYER !NOT_VIEWS<4"},  // n'engagent que moi
    {"fr_engage_pas_employeur", "fr",
     "NE FR_ENGAGE FR_NEGP FR_NECESS? FR_EMPLOYER !NOT_VIEWS<4"},  // n'engage pas (forcément) ma boîte
    {"fr_reflete_pas", "fr",
     "NE FR_REFLECT_GAP FR_NEGP FR_NECESS? ~5 FR_EMPLOYER !NOT_VIEWS<4"},  // ne reflètent pas la position de mon
                                                                           // employeur
    {"fr_pas_ceux_de", "fr",
     "FR_NOTP FR_THOSE DE FR_EMPLOYER !NOT_VIEWS<4 ^FR_VIEWS_BEFORE<12"},     // pas celles de mon employeur
    {"fr_les_miennes", "fr", "FR_WHAT FR_FILLER*4 FR_BE FR_ADV? FR_MINE >"},  // mes opinions sont les miennes
    {"fr_question_miennes", "fr", "FR_WHAT ? FR_ADV? FR_MINE >"},
    {"fr_a_moi", "fr", "FR_WHAT FR_FILLER*4 n'appartiennent qu'a FR_SELF"},
    {"fr_titre_personnel", "fr", "FR_EXPRESS FR_FILLER*3 FR_TITRE"},       // je m'exprime à titre personnel
    {"fr_titre_personnel_strict", "fr", "titre strictement personnel"},    // (à) titre strictement personnel
    {"fr_perso_nominal", "fr", "FR_NOMINAL_WHAT FR_INTENS? FR_PERSO >>"},  // Avis perso : ... / avis 100% perso
    // promo5: "mes opinions à moi", "mon avis à moi." (after a possessive the line must end: "mon avis à moi, c'est
    // que..." states an opinion)
    {"fr_what_a_moi", "fr", "FR_WHAT_A_MOI FR_INTENS? a FR_MOI FR_A_MOI_MORE? >> ^POSS<1"},
    // promo6: "c'est mon avis à moi, pas celui du club", "MON OPINION A MOI PIS JUSTE A MOI, PAS CELLE DE LA STM"
    {"fr_what_a_moi_pas_celui", "fr", "FR_WHAT_A_MOI FR_INTENS? a FR_MOI FR_A_MOI_MORE? ,? FR_NOTP FR_THOSE DE"},
    // promo6: "Mes posts = mon avis perso", "ce que je poste icitte, c'est mon avis à moé"
    {"fr_posts_eq_mon_avis", "fr", "FR_WHAT FR_FILLER*4 FR_EQ FR_MY_VIEWS FR_MY_VIEWS_TAIL? >"},
    {"fr_neq_employeur", "fr",
     "FR_WHAT FR_FILLER*3 = FR_THOSE DE FR_EMPLOYER"},            // mes opinions ≠ celles de mon employeur
    {"fr_pas_au_nom_de", "fr", "FR_NOTP au nom DE FR_EMPLOYER"},  // pas au nom de mon employeur
    {"fr_ne_parle_pas_au_nom", "fr", "NE FR_SPEAK FR_NEGP? au nom DE FR_EMPLOYER"},
    {"fr_a_titre_perso", "fr", "titre perso"},  // (à) titre perso                  // Avis perso.
    {"fr_seule_responsabilite", "fr",
     "FR_WHAT FR_FILLER*4 FR_RELEVE FR_ADV? de FR_MY_RESP >"},  // les propos tenus ici relèvent de ma seule
                                                                // responsabilité
    {"fr_responsabilite_auteur", "fr",
     "FR_RELEVE FR_ADV? de la seule? responsabilite DE FR_SELF"},  // ... de la seule responsabilité de leur auteur
    {"fr_que_responsabilite_auteur", "fr",
     "NE FR_ENGAGE FR_ADV? que la responsabilite DE FR_SELF"},  // n'engagent que la responsabilité de leur auteur
    {"fr_que_ma_responsabilite", "fr", "NE FR_ENGAGE FR_ADV? que ma seule? responsabilite"},
    // Any workplace when the relation is spelt out: "n'engagent en rien la coopérative où je travaille",
    // "l'établissement où j'enseigne", "pas celles de la caisse où je travaille".
    {"fr_engage_pas_lieu_de_travail", "fr", "NE FR_ENGAGE FR_NEGP ~3 FR_WHERE_I_WORK !NOT_VIEWS<4"},
    {"fr_pas_ceux_du_lieu_de_travail", "fr", "FR_NOTP FR_THOSE DE ~3 FR_WHERE_I_WORK"},
    {"fr_reflete_pas_lieu_de_travail", "fr", "NE FR_REFLECT FR_NEGP FR_NECESS? ~6 FR_WHERE_I_WORK !NOT_VIEWS<4"},
    {"fr_opinions_aussi", "fr", "FR_WHAT FR_TOO > &FR_MINE<6"},  // mes genoux sont à moi, mes opinions aussi
    {"fr_opinions_perso_pas", "fr", "FR_NOMINAL_WHAT FR_PERSO ,? FR_NOTP FR_THOSE? DE? FR_EMPLOYER"},
});

constexpr auto kHashtagParts = std::to_array<HashtagParts>({
    {"|my|all|allmy|these|the", "views|opinions|opinion|thoughts|tweets|posts|toots|skeets|takes|words",
     "|are|is|r|areall", "myown|mine|personal|mineonly|minealone|myownonly"},
    {"|mes|les|ces|tous|toutes", "opinions|opinion|avis|propos|idees|posts|tweets|pensees|pointdevue|pointsdevue",
     "|sont|restent", "perso|persos|personnel|personnels|personnelle|personnelles|lesmiennes|lesmiens|amoi"},
});

constexpr const char* kHashtagWhole =
    "personalviews|personalopinion|personalopinions|personalviewsonly|personalopinionsonly|notmyemployer|"
    "notmyemployersviews|speakingformyself|speakingonlyformyself|notspeakingformyemployer|"
    "nengagequemoi|nengagentquemoi|caengagequemoi|quenengagequemoi|cesproposnengagentquemoi|atitrepersonnel|"
    "opinionsmyown|viewsmyown|notendorsedbymyemployer|rtsnotendorsements|rtnotendorsement|"
    // a possessive and a views word alone, as people tag it
    "myviews|myopinions|myownviews|myownopinions|myownthoughts|mesopinions|mesavis|mespropos|nengagepasmonemployeur";

}  // namespace

std::span<const WordClass> classes() { return kClasses; }
std::span<const Form> forms() { return kForms; }
std::span<const HashtagParts> hashtag_parts() { return kHashtagParts; }
const char* hashtag_whole() { return kHashtagWhole; }

}  // namespace ownvoice::checks::disclaimer_table

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "checks/disclaimer.hpp"

using namespace ownvoice::checks;
using ownvoice::policy::Policy;
using ownvoice::text::normalize;

namespace {

Policy lumetra() {
  Policy p;
  p.company = "Lumetra";
  p.disclaimers = {{"en", "Opinions are my own."}, {"fr", "Ces propos n'engagent que moi."}};
  p.short_disclaimers = {{"en", "Views my own."}, {"fr", "Avis perso."}};
  p.default_language = "fr";
  return p;
}

DisclaimerResult check(std::string_view text, Platform platform = Platform::LinkedIn, std::string_view lang = "en",
                       const Policy& p = lumetra()) {
  return check_disclaimer(text, normalize(text), platform, lang, p);
}

bool present(std::string_view text) { return check(text).present; }

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

}  // namespace

TEST(Disclaimer, EnglishForms) {
  EXPECT_TRUE(present("Great quarter for the industry. Opinions are my own."));
  EXPECT_TRUE(present("Views my own."));
  EXPECT_TRUE(present("All views expressed are mine."));
  EXPECT_TRUE(present("OPINIONS ARE MY OWN"));
  EXPECT_TRUE(present("My views are my own, not my employer's."));
  EXPECT_TRUE(present("Tweets are my own."));
  EXPECT_TRUE(present("These posts do not represent the views of my employer."));
  EXPECT_TRUE(present("RT ≠ endorsement"));
  EXPECT_TRUE(present("RTs != endorsements"));
  EXPECT_TRUE(present("Retweets are not endorsements."));
  EXPECT_TRUE(present("rt\u00a0\u2260\u00a0endorsement"));
}

TEST(Disclaimer, FrenchForms) {
  EXPECT_TRUE(present("Belle journée à Lausanne. Ces propos n'engagent que moi."));
  EXPECT_TRUE(present("Ces propos n’engagent que moi"));  // typographic apostrophe
  EXPECT_TRUE(present("CES PROPOS N'ENGAGENT QUE MOI"));
  EXPECT_TRUE(present("ces propos n'engagent que moi"));
  EXPECT_TRUE(present("Opinions personnelles."));
  EXPECT_TRUE(present("Avis perso."));
  EXPECT_TRUE(present("Opinions personnelles"));
  EXPECT_TRUE(present("Mes propos n'engagent pas mon employeur."));
  EXPECT_TRUE(present("Je m'exprime à titre personnel."));
}

TEST(Disclaimer, HashtagsEmojiAccentsAndInvisibleCharacters) {
  EXPECT_TRUE(present("Loved this panel! #opinionsmyown"));
  EXPECT_TRUE(present("#ViewsMyOwn"));
  EXPECT_TRUE(present("#OpinionsAreMyOwn 🙂"));
  EXPECT_TRUE(present("#AvisPerso"));
  EXPECT_TRUE(present("💬 Views are my own 💬"));
  EXPECT_TRUE(present("Opinions\u00a0are\u00a0my\u00a0own"));  // no-break spaces
  EXPECT_TRUE(present("Opin\u200bions are my own"));           // zero-width space
  EXPECT_TRUE(present("OPINIONS PERSONNELLES"));
  EXPECT_TRUE(present("opinions personnélles"));                      // stray accent
  EXPECT_TRUE(present("Ces propos n\u2019engagent que moi\u202f!"));  // narrow no-break space
}

TEST(Disclaimer, NotFooledByOpinionMarkersOrEmployment) {
  EXPECT_FALSE(present("In my opinion, the new rules are a step forward."));
  EXPECT_FALSE(present("À mon avis, c'est une excellente nouvelle pour la région."));
  EXPECT_FALSE(present("I work at Lumetra and I loved this conference."));
  EXPECT_FALSE(present("Je travaille chez Lumetra depuis 5 ans."));
  EXPECT_FALSE(present("Mon avis perso : ce film est trop long."));
  EXPECT_FALSE(present("My own opinion is that remote work is here to stay."));
  EXPECT_FALSE(present("The views from the summit were amazing, all mine for an hour."));
  EXPECT_FALSE(present("RT = endorsement? Not always."));
  EXPECT_FALSE(present(""));
}

TEST(Disclaimer, SpanPointsAtTheDisclaimerInUtf16) {
  const std::string text = "Super 🎉 journée. Avis perso.";
  const auto r = check(text);
  ASSERT_TRUE(r.present);
  // "Super " (6) + 🎉 (2 UTF-16 units) + " journée. " (10) = 18
  EXPECT_EQ(r.found_start, 18u);
  EXPECT_EQ(r.found_end, 28u);
  EXPECT_EQ(r.form, "present");
  EXPECT_TRUE(r.proposed_text.empty());
  EXPECT_TRUE(r.fits);
}

TEST(Disclaimer, ProposesLongFormInThePostsLanguage) {
  auto en = check("Great panel on optics today.", Platform::LinkedIn, "en");
  EXPECT_FALSE(en.present);
  EXPECT_EQ(en.form, "long");
  EXPECT_EQ(en.language, "en");
  EXPECT_EQ(en.proposed_text, "Great panel on optics today.\n\nOpinions are my own.");
  EXPECT_TRUE(en.fits);
  EXPECT_EQ(en.limit, 3000u);
  EXPECT_EQ(en.length, en.proposed_text.size());

  auto fr = check("Belle conférence sur l'optique aujourd'hui.  \n", Platform::X, "fr");
  EXPECT_EQ(fr.proposed_text, "Belle conférence sur l'optique aujourd'hui.\n\nCes propos n'engagent que moi.");
  EXPECT_EQ(fr.language, "fr");
  EXPECT_EQ(fr.limit, 280u);
}

TEST(Disclaimer, UnknownLanguageFallsBackToPolicyDefault) {
  auto r = check("Guten Tag zusammen", Platform::LinkedIn, "de");
  EXPECT_EQ(r.language, "fr");
  EXPECT_NE(r.proposed_text.find("Ces propos n'engagent que moi."), std::string::npos);
}

TEST(Disclaimer, ProposalIsItselfRecognised) {
  for (const char* lang : {"en", "fr"}) {
    auto r = check("Bonjour", Platform::LinkedIn, lang);
    ASSERT_FALSE(r.proposed_text.empty());
    EXPECT_TRUE(check(r.proposed_text).present) << r.proposed_text;
  }
}

TEST(Disclaimer, ShortFormWhenLongDoesNotFitOnX) {
  // 255 + "\n\n" + 20 = 277 fits; 262 + 22 = 284 does not, the short form (13) does.
  auto fits_long = check(repeat("a", 258), Platform::X, "en");
  EXPECT_EQ(fits_long.form, "long");
  EXPECT_EQ(fits_long.length, 280u);
  auto r = check(repeat("a", 262), Platform::X, "en");
  EXPECT_EQ(r.form, "short");
  EXPECT_TRUE(r.fits);
  EXPECT_EQ(r.proposed_text, repeat("a", 262) + "\n\nViews my own.");
  EXPECT_EQ(r.length, 277u);
  auto none = check(repeat("a", 270), Platform::X, "en");
  EXPECT_EQ(none.form, "none");
  EXPECT_FALSE(none.fits);
  EXPECT_TRUE(none.proposed_text.empty());
  EXPECT_EQ(none.length, 270u);
}

TEST(Disclaimer, WeightedCountingDecidesTheForm) {
  // 130 CJK characters weigh 260 on X: the French long form (30) no longer fits, the
  // short one (11 + 2) does. On LinkedIn the long form fits easily.
  const std::string cjk = repeat("日", 130);
  EXPECT_EQ(check(cjk, Platform::X, "fr").form, "short");
  EXPECT_EQ(check(cjk, Platform::LinkedIn, "fr").form, "long");
  // A URL weighs 23 on X whatever its length.
  const std::string with_url = repeat("a", 200) + " https://lumetra.ch/" + repeat("x", 200);
  EXPECT_EQ(check(with_url, Platform::X, "en").form, "long");
}

TEST(Disclaimer, BuiltInShortFormsWhenPolicyHasNone) {
  Policy p = lumetra();
  p.short_disclaimers.clear();
  auto r = check(repeat("a", 265), Platform::X, "fr", p);
  EXPECT_EQ(r.form, "short");
  EXPECT_EQ(r.proposed_text, repeat("a", 265) + "\n\nAvis perso.");
}

TEST(Disclaimer, PolicyCustomWordingIsRecognised) {
  Policy p = lumetra();
  p.disclaimers["en"] = "Personal account, personal takes!";
  EXPECT_TRUE(check("Nice day. Personal account, personal takes", Platform::LinkedIn, "en", p).present);
  EXPECT_EQ(check("Nice day.", Platform::LinkedIn, "en", p).proposed_text,
            "Nice day.\n\nPersonal account, personal takes!");
}

TEST(Disclaimer, BlueskyAndInstagramRules) {
  // Bluesky: 290 graphemes + 2 + 20 > 300, short 13 -> 305 > 300: nothing fits.
  EXPECT_EQ(check(repeat("a", 290), Platform::Bluesky, "en").form, "none");
  EXPECT_EQ(check(repeat("a", 285), Platform::Bluesky, "en").form, "short");
  // Instagram: 31 hashtags break the rule whatever the length.
  std::string tags;
  for (int i = 0; i < 31; ++i) tags += "#t" + std::to_string(i) + " ";
  auto r = check(tags, Platform::Instagram, "en");
  EXPECT_EQ(r.form, "none");
  EXPECT_FALSE(r.fits);
}

TEST(Disclaimer, LargePost) {
  std::string text;
  while (text.size() < 400'000) text += "Mon avis perso : trop long. 👨‍👩‍👧‍👦 https://lumetra.ch/a ";
  const auto started = std::chrono::steady_clock::now();
  auto r = check(text, Platform::X, "fr");
  EXPECT_FALSE(r.present);  // every "avis perso" here introduces an opinion
  EXPECT_EQ(r.form, "none");
  EXPECT_GT(r.length, 280u);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(seconds, 30.0);  // catches quadratic work, not a benchmark (sanitizer builds are slow)
}

TEST(Disclaimer, MoreWordings) {
  EXPECT_TRUE(present("Views: my own."));
  EXPECT_TRUE(present("Opinions are solely my own and not those of my employer."));
  EXPECT_TRUE(present("These are my views, not those of my employer."));
  EXPECT_TRUE(present("Mes opinions, pas celles de mon employeur."));
  EXPECT_TRUE(present("Tout ce que je publie ici n'engage que moi."));
  EXPECT_TRUE(present("Les opinions exprimées ici n’engagent que leur auteur."));
  EXPECT_FALSE(present("That is not my employer's problem."));
}

// The grammar (disclaimer_table.cpp): one test per family the issue lists, written in
// wordings that are not in the table as sentences.
std::string matched(std::string_view text) {
  const auto r = check(text);
  return r.present ? r.matched : std::string("-");
}

TEST(DisclaimerGrammar, PossessiveViewsWordThenOwnMineOrNotTheEmployers) {
  EXPECT_EQ(matched("Long day at the plant. My thoughts are mine alone, folks."), "views_own");
  EXPECT_EQ(matched("The opinions on this feed are strictly my own"), "views_own");
  EXPECT_EQ(matched("Hot takes below, all opinions mine and not my employer's."), "views_own");
  EXPECT_EQ(matched("These views, not my hospital's, are what I believe."), "views_not_employer");
  EXPECT_EQ(matched("Opinions are not Lumetra's, obviously."), "views_not_employer");
  EXPECT_EQ(matched("My views, not those of the company I work for."), "not_those_of_employer");
}

TEST(DisclaimerGrammar, PlatformWords) {
  for (const char* w : {"Tweets are my own.", "Toots my own.", "Skeets = mine", "Posts are personal.",
                        "Reposts are my own, not endorsements"})
    EXPECT_TRUE(present(w)) << w;
}

TEST(DisclaimerGrammar, MidSentenceSpeakingForMyself) {
  EXPECT_EQ(matched("Speaking for myself here, not my employer: the new rota is a mess."), "speaking_for_myself_not");
  EXPECT_EQ(matched("I'm writing this in a personal capacity."), "personal_capacity");
  EXPECT_EQ(matched("Obviously not speaking on behalf of Lumetra, but this conference was great."),
            "not_speaking_for_employer");
  EXPECT_EQ(matched("(speaking only for myself) the talk was good"), "speaking_for_myself_only");
  // "Speaking for myself" that introduces an opinion, with nothing disclaimed, is not one.
  EXPECT_FALSE(present("Speaking for myself, I loved the show."));
}

TEST(DisclaimerGrammar, Abbreviations) {
  EXPECT_TRUE(present("views = mine"));
  EXPECT_TRUE(present("Opinions: mine. Typos: also mine."));
  EXPECT_TRUE(present("views/opinions my own"));
}

TEST(DisclaimerGrammar, FrenchWithoutAccentsOrApostrophes) {
  EXPECT_EQ(matched("ces propos n engagent que moi"), "fr_que_moi");
  EXPECT_EQ(matched("CE POST N'ENGAGE EVIDEMMENT QUE MOI"), "fr_que_moi");
  EXPECT_EQ(matched("mes avis sont les miens, pas ceux de mon employeur"), "fr_les_miennes");
  EXPECT_EQ(matched("Ce que j'écris ici ne reflète en aucun cas la position de mon labo."), "fr_reflete_pas");
}

TEST(DisclaimerGrammar, CasualFrench) {
  EXPECT_EQ(matched("Opinion perso, qui n'engage pas ma boîte."), "fr_perso_nominal");
  EXPECT_EQ(matched("Un coup de gueule qui n'engage pas ma boite : les open spaces, non."), "fr_engage_pas_employeur");
  EXPECT_EQ(matched("Pouets perso : la réunion de lundi aurait pu être un mail."), "fr_perso_nominal");
  EXPECT_EQ(matched("Personal account, personal take: the new rota is a mess."), "personal_account");
  EXPECT_EQ(matched("Je parle en mon nom, pas celui de ma mairie."), "fr_titre_personnel");
  EXPECT_TRUE(present("Avis perso."));
  EXPECT_FALSE(present("Mon avis perso : ce film est trop long."));
  EXPECT_FALSE(present("J'ai donné mon avis perso sur le film hier."));
}

TEST(DisclaimerGrammar, HashtagAmongOtherHashtags) {
  EXPECT_EQ(matched("Sunrise at the harbour #nofilter #ViewsAreMine #sailing"), "hashtag");
  EXPECT_EQ(matched("#running #avis_perso #dimanche"), "hashtag");
  EXPECT_FALSE(present("#views #mine #sunset"));
}

TEST(DisclaimerGrammar, LegalLongForm) {
  EXPECT_TRUE(
      present("The opinions expressed in this article are solely those of the author and do not necessarily "
              "reflect the official policy of any agency."));
  EXPECT_TRUE(present("Content is mine; it does not necessarily represent the views of my employer."));
  EXPECT_TRUE(present("This does not reflect the position of my current or former employers."));
  // A report that does not reflect something is not a disclaimer.
  EXPECT_FALSE(present("Polls don't reflect how people feel on the ground."));
}

TEST(DisclaimerGrammar, QuotationOfSomeoneElseIsNotTheAuthors) {
  EXPECT_FALSE(present("My manager always says \"views are my own\" before every hot take. Classic."));
  EXPECT_FALSE(present("« Ces propos n'engagent que moi », a dit le ministre, avant de se contredire."));
  EXPECT_FALSE(present("Love how every bio has “opinions are my own” in it."));
  // The author's own line, in quotation marks, still counts.
  EXPECT_TRUE(present("Great launch today.\n\"Opinions are my own.\""));
  EXPECT_TRUE(present("He said \"sell\". Views are my own."));
}

TEST(DisclaimerGrammar, NotFooledByOwnAndViewsInOtherSenses) {
  EXPECT_FALSE(present("The views from my own balcony this morning!"));
  EXPECT_FALSE(present("I have my own views on remote work."));
  EXPECT_FALSE(present("My posts are my own photos, taken on film."));
  EXPECT_FALSE(present("I don't speak for everyone, but I loved it."));
}

TEST(DisclaimerGrammar, ReportsTheFormFound) {
  EXPECT_EQ(check("Opinions are my own.").matched, "views_own");
  EXPECT_EQ(check("RT ≠ endorsement").matched, "retweets_not_endorsements");
  EXPECT_EQ(check("Just a post").matched, "");
}

// Kinds broadened for unseen writing (issue #12, set 2): each test is a structure, with
// wordings that appear nowhere in the table as sentences.
TEST(DisclaimerGrammar, MineOrMeBeforeTheEmployer) {
  EXPECT_EQ(matched("Hot take incoming (mine, not my employer's): remote work is fine."), "mine_not_employer");
  EXPECT_TRUE(present("Speaking as me, not my employer."));
  EXPECT_TRUE(present("All opinions here belong to me, not to my employer."));
  EXPECT_TRUE(present("These views belong to me alone."));
  EXPECT_TRUE(present("What I post here is mine, not the company's."));
  EXPECT_FALSE(present("The last slice is mine, not yours."));
}

TEST(DisclaimerGrammar, ReflectsThoseOfOrOnlyMyOwnViews) {
  EXPECT_EQ(matched("Views expressed do not necessarily reflect those of my employer."), "legal_reflect");
  EXPECT_EQ(matched("This post reflects only my own views."), "reflect_own_views");
  EXPECT_TRUE(present("Statements here don't represent those of any organisation I belong to."));
  EXPECT_FALSE(present("This post reflects my own views on hybrid work, which changed a lot."));
}

TEST(DisclaimerGrammar, FrenchTypedWithNeitherApostropheNorSpace) {
  EXPECT_EQ(matched("ces propos nengagent que moi"), "fr_que_moi_fused");
  EXPECT_EQ(matched("ce fil nengage pas ma boite"), "fr_engage_pas_fused");
  EXPECT_TRUE(present("mes posts = mon avis perso, pas celui du labo"));
}

TEST(DisclaimerGrammar, PossessiveViewsHashtags) {
  EXPECT_EQ(matched("#agtech #MyViews #harvest"), "hashtag");
  EXPECT_EQ(matched("#vendanges #MesOpinions"), "hashtag");
  EXPECT_FALSE(present("#views #harvest"));
}

TEST(DisclaimerGrammar, PersonalAccountIsNotAStory) {
  EXPECT_TRUE(present("Personal account, so here goes: the rota is a mess."));
  EXPECT_TRUE(present("personal account here. Coffee is bad."));
  EXPECT_FALSE(present("Personal account of the night the plant flooded: a thread."));
}

TEST(DisclaimerGrammar, SingleQuotesQuoteToo) {
  EXPECT_FALSE(present("Why do people still put 'opinions are my own' in their bio? It protects nothing."));
  EXPECT_FALSE(present("We wrote about how disclaimers like 'views my own' work legally."));
  EXPECT_TRUE(present("It's the employer's call, but views are my own."));  // apostrophes stay apostrophes
  EXPECT_TRUE(present("'Views are my own.'"));
}

TEST(DisclaimerGrammar, WorkplaceByItsArticleAndPlatformNouns) {
  EXPECT_TRUE(present("Long shift on the ward. Speaking only for myself, not the clinic."));
  EXPECT_TRUE(present("Opinions on this timeline are mine, not the depot's."));
  EXPECT_TRUE(present("The thoughts shared on this handle are strictly personal."));
  EXPECT_TRUE(present("Just my personal opinions ok, not my employer's"));
  EXPECT_FALSE(present("Not the clinic I expected, but the staff were kind."));
}

TEST(DisclaimerGrammar, NotIntendedToRepresent) {
  EXPECT_TRUE(present("These posts are not intended to represent my employer."));
  EXPECT_TRUE(present("My comments here are not intended to reflect the views of any organisation."));
}

TEST(DisclaimerGrammar, NotTheEmployersFollowedByMoreWords) {
  EXPECT_EQ(matched("My views, not the council's planning office."), "views_not_employer_s");
  EXPECT_FALSE(present("Nice views, not the hotel's best feature though."));  // a hotel is no workplace here
}

// promo2: the author's responsibility, the employer named before "not theirs", the workplace
// with "où je travaille", and the "my" forms of workplaces.
TEST(DisclaimerGrammar, SoleResponsibilityOfTheAuthor) {
  EXPECT_EQ(matched("Les propos tenus ici relèvent de ma seule responsabilité."), "fr_seule_responsabilite");
  EXPECT_TRUE(present(
      "Les analyses publiées sur ce compte relevent de ma responsabilite personnelle. Aujourd'hui : le foncier."));
  EXPECT_EQ(matched("Les propos tenus dans cette tribune relèvent de la seule responsabilité de leur auteur."),
            "fr_responsabilite_auteur");
  EXPECT_TRUE(present("Ce billet relève de la responsabilité de son auteur."));
  EXPECT_TRUE(present("Ces opinions n'engagent que la responsabilité de leur autrice."));
  EXPECT_TRUE(present("Ce fil n'engage que ma responsabilité."));
  // Someone's responsibility that is not the author's views.
  EXPECT_FALSE(present("La sécurité du chantier relève de la seule responsabilité de l'entreprise générale."));
  EXPECT_FALSE(present("Cette décision relève de ma seule responsabilité de chef d'équipe, et je l'assume."));
  EXPECT_FALSE(present("Les posts de ce compte relèvent de ma responsabilité de community manager."));
}

TEST(DisclaimerGrammar, EmployerNamedBeforeNotTheirs) {
  EXPECT_EQ(matched("my employer would like you to know these are my opinions and not theirs"), "views_not_theirs");
  EXPECT_TRUE(present("The firm I work for would like you to know the opinions are mine and not theirs."));
  EXPECT_FALSE(present("My boss says the mistake was mine and not theirs."));
  EXPECT_FALSE(present("My team loved the views from the terrace, and not theirs."));
}

TEST(DisclaimerGrammar, WorkplaceWithWhereIWorkInFrench) {
  EXPECT_TRUE(present("Mes propos n'engagent en rien la coopérative où je travaille. Le lait est trop bas."));
  EXPECT_TRUE(present("Mes propos n'engagent en rien mon employeur, la coopérative."));
  EXPECT_TRUE(present("Ce post n'engage pas l'hôpital qui m'emploie."));
  EXPECT_EQ(matched("Ce post n'engage en rien la coopérative où je travaille."), "fr_engage_pas_lieu_de_travail");
}

TEST(DisclaimerGrammar, MyWorkplacesOfEveryTrade) {
  EXPECT_TRUE(present("My tweets, not my club's. Lifting heavy today anyway."));
  EXPECT_TRUE(present("Views are mine, not my salon's."));
  EXPECT_FALSE(present("Nice views from my club's terrace."));
}

// promo2 after batch 7: any workplace once the relation is spelt out, "I share" between the
// views word and "are", organisations one belongs to.
TEST(DisclaimerGrammar, AnyWorkplaceWithTheRelationSpeltOut) {
  EXPECT_TRUE(present("These posts do not represent the regional water authority I work for."));
  EXPECT_TRUE(present("Personal account. Not those of the small design studio where I work."));
  EXPECT_TRUE(present("Not speaking for the food bank I volunteer at, obviously."));
  EXPECT_TRUE(present("Ces propos n'engagent en rien le lycée agricole où j'enseigne."));
  EXPECT_TRUE(present("Mon avis, pas celui de la mutuelle où je travaille."));
  EXPECT_TRUE(present("Ce fil ne reflète pas forcément la position de la fédération que je représente."));
  EXPECT_TRUE(present("The opinions I share here are my own."));
  EXPECT_TRUE(present("Views mine, not my orchestra's."));
  // The relation without a disclaimer, and a workplace named without one.
  EXPECT_FALSE(present("The clinic where I work does not represent patients in court."));
  EXPECT_FALSE(present("I love the bakery where I work, the bread is not those of the supermarket."));
  EXPECT_FALSE(present("La cantine de l'école où j'enseigne n'est pas terrible."));
}

// promo3 after batch 8: the author's views ("my"), not any organisation's by its possessive.
TEST(DisclaimerGrammar, MyViewsNotAnyOrganisations) {
  EXPECT_TRUE(present("Rough week at the allotments. My opinions, not the allotment society's."));
  EXPECT_TRUE(present("my thoughts, not my running club committee's"));
  EXPECT_TRUE(present("My views here are not the parish council's."));
  EXPECT_FALSE(present("The minister's views, not the party's."));
  EXPECT_FALSE(present("My views on the new stadium, not the team's performance, are what I want to discuss."));
  EXPECT_FALSE(present("My view from the hill, not the neighbour's garden."));
}

// promo3: "n'engage pas" + a bare workplace noun is news about someone else's decision; the
// author's own forms with "engage" keep working.
TEST(DisclaimerGrammar, NengagePasAboutSomeoneElse) {
  EXPECT_FALSE(present("Le conseil a voté hier soir : ce vote consultatif n'engage pas la mairie."));
  EXPECT_FALSE(present("Cette décision n'engage pas le service, précise le directeur."));
  EXPECT_TRUE(present("Ces propos n'engagent pas mon employeur."));
  EXPECT_TRUE(present("Ce post n'engage pas forcément ma boîte."));
  EXPECT_TRUE(present("Mes tweets ne reflètent pas forcément la position de mon employeur."));
  EXPECT_TRUE(present("Ces propos n'engagent en rien la coopérative où je travaille."));
  EXPECT_TRUE(present("Les opinions exprimées ici sont celles de l'autrice et n'engagent pas son institution."));
}

// promo4: "n'engage pas" / "does not commit" about a decision, a vote or a contract is no disclaimer
// (LABELLING.md: a responsibility for a decision does not count); about what the author writes it is.
TEST(DisclaimerGrammar, ADecisionThatCommitsNoOneIsNotADisclaimer) {
  EXPECT_FALSE(present("Réunion tendue ce matin. Cette décision n'engage pas l'entreprise, nous a dit la DRH."));
  EXPECT_FALSE(present("cette décision n'engage pas l'entreprise"));
  EXPECT_FALSE(present("Ce contrat n'engage que les deux parties, rien de plus."));
  EXPECT_FALSE(present("Cette décision n'engage que moi en tant que chef d'équipe, je l'assume."));
  EXPECT_FALSE(present("Le vote n'engage pas mon employeur à quoi que ce soit."));
  EXPECT_FALSE(present("This decision does not commit the company, the board said."));
  EXPECT_FALSE(present("The contract does not bind the company until it is signed."));
  // The author's own words still commit no one but the author.
  EXPECT_EQ(matched("Tout ça n'engage pas mon employeur."), "fr_engage_pas_employeur");
  EXPECT_EQ(matched("Ce post n'engage pas mon employeur, évidemment."), "fr_engage_pas_employeur");
  EXPECT_EQ(matched("Mon choix de carrière est personnel. Ces propos n'engagent pas mon employeur."),
            "fr_engage_pas_employeur");
  EXPECT_EQ(matched("Dans une certaine mesure, ce post n'engage que moi."), "fr_que_moi");
  EXPECT_EQ(matched("This post does not commit my employer."), "reflect_employer");
  EXPECT_EQ(matched("My tweets do not commit my employer in any way."), "reflect_employer");
}

// promo4: the legal form with "set out" ("The views set out in this article are those of the author").
TEST(DisclaimerGrammar, LegalViewsSetOutInAnArticle) {
  EXPECT_EQ(matched("The views set out in this article are those of the author alone and should not be attributed "
                    "to the Bank."),
            "legal_author");
  EXPECT_EQ(matched("The opinions put forward in this paper are those of the authors."), "legal_author");
  EXPECT_FALSE(present("The views set out in this article are those of the minister."));
  EXPECT_FALSE(present("We set out at dawn; the views from the ridge were ours alone to enjoy."));
}

// promo4: the same for the "does not reflect" family: a motion or a decision that does not reflect a position.
TEST(DisclaimerGrammar, ADecisionThatReflectsNoPositionIsNotADisclaimer) {
  EXPECT_FALSE(present("Cette motion ne reflète pas la position de mon syndicat, a rappelé le délégué."));
  EXPECT_FALSE(present("The ruling does not necessarily reflect the views of my employer, the lawyer said."));
  EXPECT_FALSE(present("This decision does not represent the hospital I work for."));
  EXPECT_TRUE(present("Ces propos ne reflètent pas la position de mon employeur."));
  EXPECT_TRUE(present("These posts do not necessarily reflect the views of my employer."));
  EXPECT_TRUE(present("My posts do not represent the hospital I work for."));
}

// promo5: one typo in a key word of 5 or more letters, or two letters swapped in a short one ("onw"), when the
// rest of a form matches as written.
TEST(DisclaimerGrammar, OneTypoInAKeyWord) {
  EXPECT_EQ(matched("opinons are my onw lol typing on the bus"), "views_own");
  EXPECT_EQ(matched("Opinoins are my own."), "views_own");
  EXPECT_EQ(matched("Views are my onw."), "views_own");
  EXPECT_EQ(matched("Speakign for myself, not my employer."), "speaking_for_myself_not");
  EXPECT_EQ(matched("Ces porpos n'engagent que moi."), "fr_que_moi");
  EXPECT_EQ(matched("ces propos n'engagnet que moi"), "fr_que_moi");
  EXPECT_EQ(matched("Opinion persso."), "fr_perso_nominal");
  // Two typos in long words, a typo with the rest of the form changed, and real words near key words: none.
  EXPECT_FALSE(present("Opinons are my onwn."));
  EXPECT_FALSE(present("These works are my own, every brush stroke."));
  EXPECT_FALSE(present("Fixed it on my onw, opinons welcome"));
  EXPECT_FALSE(present("I got engaged to my own best friend."));
  EXPECT_FALSE(present("Le prosp n'a pas rappelé."));
  EXPECT_FALSE(present("Mon employé a fini plus tôt."));
  EXPECT_FALSE(present("These opinions, not my employee's, decided it."));
  EXPECT_FALSE(present("My sweets are my own, hands off."));
}

// promo5: intensifiers and fillers inside a form.
TEST(DisclaimerGrammar, IntensifiersInsideAForm) {
  EXPECT_EQ(matched("avis 100% perso, rien à voir avec mon agence"), "fr_perso_nominal");
  EXPECT_EQ(matched("Avis très perso : le nouveau logo est raté."), "fr_perso_nominal");
  EXPECT_EQ(matched("NB, ce qui suit est un avis strictement perso : les tests coûtent cher."), "fr_perso_nominal");
  EXPECT_EQ(matched("Views are 100% my own."), "views_own");
  EXPECT_EQ(matched("Opinions are totally my own."), "views_own");
  EXPECT_EQ(matched("My opinions are fully my own, obviously."), "views_own");
  EXPECT_EQ(matched("Mes opinions sont totalement personnelles."), "fr_les_miennes");
  EXPECT_EQ(matched("mes opinions à moi"), "fr_what_a_moi");
  EXPECT_EQ(matched("Ce sont mes idées à moi."), "fr_what_a_moi");
  // Stating an opinion is no disclaimer.
  EXPECT_FALSE(present("Mon avis à moi, c'est que le film est nul."));
  EXPECT_FALSE(present("J'ai enfin un compte à moi."));
  EXPECT_FALSE(present("This is 100% my own recipe."));
}

// promo5: someone else's disclaimer, reported without quotation marks, is not the author's.
TEST(DisclaimerGrammar, ReportedDisclaimersOfSomeoneElse) {
  EXPECT_FALSE(
      present("The council spokesperson said the councillor's comments were his personal views and not the "
              "council's position. Convenient, isn't it."));
  EXPECT_FALSE(present("The minister said these were personal views. Fine."));
  EXPECT_FALSE(present("According to the club, the coach's tweets are his own, not the club's."));
  EXPECT_FALSE(present("Selon son avocat, ces propos n'engagent pas son employeur."));
  EXPECT_FALSE(present("Le maire a déclaré que ces propos n'engageaient que lui."));
  EXPECT_FALSE(present("C'est son avis perso, pas celui du club."));
  EXPECT_FALSE(present("Ces propos n'engagent pas son employeur, a précisé son avocat."));
  EXPECT_FALSE(present("These are personal views, not the council's position, the spokesperson said."));
  EXPECT_FALSE(present("Ses tweets sont personnels, a-t-il ajouté."));
  EXPECT_EQ(matched("Views are my own, as I said last week."), "views_own");
  EXPECT_FALSE(present("My boss said these were personal views and not the firm's."));
  // The author reporting themself, or a disclaimer in another sentence, still counts.
  EXPECT_EQ(matched("As I said before, views are my own."), "views_own");
  EXPECT_EQ(matched("The spokesperson said nothing. Views are my own."), "views_own");
  EXPECT_TRUE(present("Comme je l'ai dit, ces propos n'engagent que moi."));
  EXPECT_EQ(matched("Selon moi le projet est mal parti. Avis perso."), "fr_perso_nominal");
}

// promo5: "mine, not my team's" counts only when what is mine is the views.
TEST(DisclaimerGrammar, MineNotTheTeamsIsAboutViews) {
  EXPECT_FALSE(present("The mistake was mine and not my team's, and I said so in the retro."));
  EXPECT_FALSE(present("The decision was mine, not my boss's."));
  EXPECT_FALSE(present("La faute était la mienne, pas celle de mon équipe."));
  EXPECT_EQ(matched("The views are mine and not my team's."), "views_own");
  EXPECT_EQ(matched("The opinions in my talk tomorrow are mine, not my employer's."), "mine_not_employer");
  EXPECT_EQ(matched("(mine, not my employer's)"), "mine_not_employer");
  EXPECT_EQ(matched("Speaking strictly for myself, not the company: I hate weather apps."), "mine_not_employer");
}

// promo5: the views added to something else the author owns.
TEST(DisclaimerGrammar, ViewsToo) {
  EXPECT_EQ(matched("Fitted a combi on the 4th floor, no lift. My knees are my own, my opinions too 😂"), "views_too");
  EXPECT_EQ(matched("The typos are mine, the views as well."), "views_too");
  EXPECT_EQ(matched("Mes genoux sont à moi, mes opinions aussi."), "fr_opinions_aussi");
  EXPECT_FALSE(present("Great talk. Opinions too, lots of them."));
  EXPECT_FALSE(present("I loved the views too."));
  EXPECT_FALSE(present("Mes collègues ont des opinions aussi."));
}

// promo6: the emphatic French possessive ("mon avis à moi"), with or without accents, in capitals, in Québécois.
TEST(DisclaimerGrammar, EmphaticPossessiveFrench) {
  EXPECT_EQ(matched("Les réunions du lundi sont trop longues. C'est mon avis à moi, pas celui de la direction."),
            "fr_what_a_moi_pas_celui");
  EXPECT_EQ(matched("LE BUS EST ENCORE EN RETARD. MON OPINION A MOI PIS JUSTE A MOI, PAS CELLE DE LA SOCIETE."),
            "fr_what_a_moi_pas_celui");
  EXPECT_EQ(matched("La patinoire est mal entretenue, mon avis à moé, pas celui de la ville."),
            "fr_what_a_moi_pas_celui");
  EXPECT_TRUE(present("Trop de devoirs le week-end. Mon opinion à moi et juste à moi."));
  // Not a disclaimer: an opinion stated after "à moi", or something else that is mine.
  EXPECT_FALSE(present("Mon avis à moi, c'est que le club doit changer d'entraîneur."));
  EXPECT_FALSE(present("Le vélo est à moi, pas celui de mon frère."));
}

// promo6: "=" and "c'est" forms that name the posts as the author's own views.
TEST(DisclaimerGrammar, PostsEqualMyViews) {
  EXPECT_EQ(matched("La 20 était bouchée tout le matin. Mes posts = mon avis perso, pas celui du transporteur."),
            "fr_posts_eq_mon_avis");
  EXPECT_EQ(matched("Ce que je poste icitte, c'est mon avis à moé."), "fr_posts_eq_mon_avis");
  EXPECT_EQ(matched("Mes publications = mon opinion."), "fr_posts_eq_mon_avis");
  EXPECT_EQ(matched("Long shift at the depot. posts = my views, nobody else's"), "views_eq_my_views");
  EXPECT_EQ(matched("Tweets here are my own opinions."), "views_eq_my_views");
  EXPECT_FALSE(present("Ces commentaires sont mon avis sur le film, allez le voir."));
  EXPECT_FALSE(present("These posts are my thoughts on the match last night."));
}

// promo6: a personal-account statement tagged "btw", "fyi", "just saying", anywhere in the post.
TEST(DisclaimerGrammar, PersonalAccountBtw) {
  EXPECT_EQ(matched("please stop replying-all to the outage email personal account btw, not the council's help desk"),
            "personal_account_btw");
  EXPECT_EQ(matched("Traffic on the bridge is a mess again. Personal account fyi."), "personal_account_btw");
  EXPECT_EQ(matched("fyi personal account. The queue at the clinic is three hours."), "btw_personal_account");
  EXPECT_FALSE(present("Her personal account of the flood was moving."));
}

// promo6: a third person's act that "did not bind" anyone is no disclaimer.
TEST(DisclaimerGrammar, ThirdPersonDecisionDoesNotBind) {
  EXPECT_FALSE(
      present("Our principal said the decision to cancel sports day was hers alone and did not bind "
              "the school or the staff."));
  EXPECT_FALSE(present("The call was his alone and does not bind the trust."));
  EXPECT_TRUE(present("These posts do not bind my employer."));
}

import type { ArticleSection, Bilingual, BpoKind } from './types.ts';

// Every `et` string below is copied character for character from bpo-kpo.et.txt (list markers
// such as "•", "1. " and " : " stripped); tests/unit/glossary-data.test.ts proves it. The article
// is a machine translation of an English original, so where the Estonian lost the sense the `en`
// side gives the intended meaning rather than a word-for-word rendering.

/** The article's title, "Erinevus BPO ja KPO vahel". */
export const ARTICLE_TITLE: Bilingual = {
  et: 'Erinevus BPO ja KPO vahel',
  en: 'The difference between BPO and KPO',
};

/** The comparison chart's heading ("Võrdluskaart"). */
export const CHART_TITLE: Bilingual = { et: 'Võrdluskaart', en: 'Comparison chart' };

/** The heading of each article section; the untitled introduction takes the article's title. */
export const SECTION_TITLES: Readonly<Record<ArticleSection, Bilingual>> = {
  introduction: ARTICLE_TITLE,
  'comparison-chart': CHART_TITLE,
  'bpo-definition': { et: 'BPO määratlus', en: 'Definition of BPO' },
  'kpo-definition': { et: 'KPO määratlus', en: 'Definition of KPO' },
  'key-differences': {
    et: 'Peamised erinevused BPO ja KPO vahel',
    en: 'Key differences between BPO and KPO',
  },
  conclusion: { et: 'Järeldus', en: 'Conclusion' },
};

/** The introduction's two paragraphs: what outsourcing is, and BPO and KPO in a sentence each. */
export const INTRODUCTION: readonly Bilingual[] = [
  {
    et: 'Rutiinsete või perifeersete äritegevuste sisseostmine on moes. See eeldab lepingute sõlmimist kolmanda osapoole teenusepakkujaga seoses äriprotsesside toimingute ja vastutusega. Praegu ei ole peaaegu mingit rahvusvahelist ettevõtet, mis jääb äritegevuse allhanke alt puutumata. Äriprotsesside sisseostmine (BPO) on aja jooksul muutunud oluliseks, pakkudes turunduse, inimressursside, klienditoe, tehnilise toe jms teenuseid.',
    en: 'Outsourcing routine or peripheral business activities is in vogue. It means contracting a third-party service provider to take over both the running of business processes and the responsibility for them. Today there is hardly a multinational company that has not outsourced some of its business. Business process outsourcing (BPO) has grown in importance over time, offering services such as marketing, human resources, customer support and technical support.',
  },
  {
    et: 'Teadmusprotsessi sisseostmine (KPO) on BPO allüksus, kus need protsessid, mis hõlmavad teadmistega seotud tööd, antakse üle väljastpoolt. BPO ja KPO vahel on peen erinevus, mida oleme artiklis üksikasjalikult käsitlenud.',
    en: 'Knowledge process outsourcing (KPO) is a subset of BPO in which processes that involve knowledge work are handed to an outside provider. The difference between BPO and KPO is a subtle one, and this article looks at it in detail.',
  },
];

/** The "BPO määratlus" section's two paragraphs (its kinds and services lists are separate). */
export const BPO_DEFINITION: readonly Bilingual[] = [
  {
    et: 'Äriprotsesside sisseostmine või BPO on äriorganisatsiooni mis tahes segmendi / protsessi / funktsiooni allhankimine välisele organisatsioonile. Äritegevuse allhangete peamine põhjus on kulude vähendamine ja efektiivsuse suurendamine. Keskendutakse protsessile, st protsess on eelnevalt kindlaks määratud ja teenuseosutaja peab määratud protsessides järjepidevust ja tootlikkust tooma. BPO erinevaid tüüpe selgitatakse allpool:',
    en: 'Business process outsourcing, or BPO, is contracting out any segment, process or function of a business to an external organisation. The main reason for outsourcing business activities is to cut costs and increase efficiency. The focus is on the process: the process is defined in advance, and the service provider has to bring consistency and productivity to it. The kinds of BPO are explained below:',
  },
  {
    et: 'BPO on võimeline käitlema nii üksuse esiotsa kui ka tagumise otstarbega operatsioone. BPO pakub erinevaid teenuseid, näiteks:',
    en: "BPO can handle both a company's front-office and back-office operations. It covers a range of services, for example:",
  },
];

/** The three kinds of BPO, by where the provider is: onshore, nearshore and offshore. */
export const BPO_KINDS: readonly BpoKind[] = [
  {
    termId: 'onshore',
    name: { et: 'Kaldal asuv BPO', en: 'Onshore BPO' },
    description: {
      et: 'äritegevuse allhankimine teisele ettevõttele, kuid samas riigis.',
      en: 'Outsourcing business activities to another company in the same country.',
    },
  },
  {
    termId: 'nearshore',
    name: { et: 'Nearshore BPO', en: 'Nearshore BPO' },
    description: {
      et: 'äritegevuse allhankimine lähimas riigis asuvale ettevõttele.',
      en: 'Outsourcing business activities to a company in a neighbouring country.',
    },
  },
  {
    termId: 'offshore',
    name: { et: 'Offshore BPO', en: 'Offshore BPO' },
    description: {
      et: 'äritegevuse allhankimine välismaale asuvale ettevõttele.',
      en: 'Outsourcing business activities to a company abroad.',
    },
  },
];

/** The services BPO offers, the article's six bullet points. */
export const BPO_SERVICES: readonly Bilingual[] = [
  {
    et: 'Klienditeenindus, st kõnekeskus, abitekst jne.',
    en: 'Customer service, such as call centres, help desks and so on.',
  },
  {
    et: 'Inimressursid, st värbamine ja valik, koolitus ja paigutamine, palgaarvestuse töötlemine jne.',
    en: 'Human resources, such as recruitment and selection, training and placement, payroll processing and so on.',
  },
  { et: 'Tehniline abi', en: 'Technical support' },
  { et: 'Finants- ja raamatupidamisteenused.', en: 'Finance and accounting services.' },
  {
    et: 'Veebisaidi teenused, st veebimajutus jne.',
    en: 'Website services, such as web hosting and so on.',
  },
  { et: 'Transkriptsioon', en: 'Transcription' },
];

/** The "KPO määratlus" section's paragraphs (its services list is separate). */
export const KPO_DEFINITION: readonly Bilingual[] = [
  {
    et: 'Teadmusprotsessi sisseostmine või KPO viitab teadmiste omistamisele või edastamisele ja teabega seotud protsessile teisele organisatsioonile. Organisatsioon võib olla muu organisatsiooni või põhiorganisatsiooni tütarettevõtja, mis võib olla samas riigis või välismaal, et minimeerida kulusid.',
    en: 'Knowledge process outsourcing, or KPO, means handing knowledge- and information-related processes over to another organisation. That organisation may be an outside company or a subsidiary of the parent company, in the same country or abroad, and the aim is to keep costs down.',
  },
  {
    et: 'KPO ettevõtted täidavad kõrgetasemelisi ülesandeid, mille jaoks ettevõtted vajavad kõrgelt kvalifitseeritud töötajaid. See on BPO laiendatud versioon. Madalad otsused võivad teha ka need ettevõtted. Selleks on vaja põhjalikke teadmisi, domeeni asjatundlikkust, hinnanguid ja tõlgendusvõimet töötajatele, kes on võimelised oma teadmisi rakendama, sest töö hõlmab otsuste tegemist konkreetsetes küsimustes.',
    en: 'KPO companies carry out high-level tasks, for which they need highly qualified staff. KPO is an extended version of BPO. These companies can also take lower-level decisions. The work calls for in-depth knowledge, domain expertise, judgment and the ability to interpret, in staff who can apply what they know, because it involves making decisions on specific questions.',
  },
  { et: 'KPO teenuste hulka kuuluvad:', en: 'KPO services include:' },
];

/** The services KPO covers, the article's five bullet points. */
export const KPO_SERVICES: readonly Bilingual[] = [
  { et: 'Investeerimisuuringute teenused', en: 'Investment research services' },
  { et: 'Turu-uuringute teenused', en: 'Market research services' },
  { et: 'Andmete analüüs', en: 'Data analysis' },
  { et: 'Äriuuringute teenused', en: 'Business research services' },
  {
    et: 'Teised: juriidilise protsessi sisseostmine, finantsprotsesside sisseostmine, meediaprotsesside sisseostmine.',
    en: 'Others: legal process outsourcing, financial process outsourcing and media process outsourcing.',
  },
];

/** The sentence that introduces the key differences list. */
export const KEY_DIFFERENCES_INTRO: Bilingual = {
  et: 'Olulisi erinevusi BPO ja KPO vahel nimetatakse järgmistes punktides:',
  en: 'The key differences between BPO and KPO are set out in the following points:',
};

/** The ten numbered key differences between BPO and KPO, without their "1. " numbers. */
export const KEY_DIFFERENCES: readonly Bilingual[] = [
  {
    et: 'BPO on äriprotsesside sisseostmisel kasutatav lühend, samal ajal kui KPO on teadmistepõhise allhanke lühike vorm.',
    en: 'BPO is short for business process outsourcing, while KPO is short for knowledge process outsourcing.',
  },
  {
    et: 'BPO viitab organisatsiooni perifeersete tegevuste allhankele välisele organisatsioonile, et minimeerida kulusid ja suurendada tõhusust. KPO-d kirjeldatakse kui teadmiste ja teabega seotud funktsioone, mis on allhanke korras kolmandate osapoolte teenusepakkujatele.',
    en: "BPO means outsourcing an organisation's peripheral activities to an external organisation to minimise costs and increase efficiency. KPO is described as knowledge- and information-related functions that are outsourced to third-party service providers.",
  },
  {
    et: 'BPO põhineb eeskirjadel, samal ajal kui KPO põhineb kohtuotsusel.',
    en: 'BPO is based on rules, while KPO is based on judgment.',
  },
  {
    et: 'BPO keerukuse aste on KPO-ga võrreldes madal.',
    en: "BPO's degree of complexity is low compared with KPO's.",
  },
  {
    et: 'BPO nõuab protsessis asjatundlikkust, kuid KPO vajab teadmiste tundmist.',
    en: 'BPO requires process expertise, whereas KPO requires knowledge expertise.',
  },
  {
    et: 'BPO sõltub kulude arbitraažist. Vastupidi, KPO sõltub teadmiste arbitraažist.',
    en: 'BPO relies on cost arbitrage. KPO, by contrast, relies on knowledge arbitrage.',
  },
  {
    // The Estonian dropped the word "insight"; the chart's "Arusaamad on juhitud" keeps it.
    et: 'BPO on mahu järgi juhitav. Teisest küljest on KPO ajendatud.',
    en: 'BPO is volume-driven. KPO, on the other hand, is insight-driven.',
  },
  {
    et: 'Koostöö ja koordineerimine on BPO-s madal, mis on KPO puhul vastupidine.',
    en: 'Collaboration and coordination are low in BPO, whereas in KPO the opposite is true.',
  },
  {
    et: 'BPO nõuab head suhtlemisoskust ja põhilisi arvutiteadmisi töötajates. Erinevalt KPO-st, kus on vaja ainult professionaalselt kvalifitseeritud ja kõrgelt kvalifitseeritud töötajaid.',
    en: 'BPO needs staff with good communication skills and basic computer knowledge. KPO, by contrast, needs only professionally qualified, highly skilled staff.',
  },
  {
    // The Estonian dropped the subject of the second clause, which is KPO.
    et: 'BPO keskendub madalatasemelisele protsessile, kusjuures keskendutakse kõrgetasemelisele protsessile.',
    en: 'BPO focuses on low-level processes, whereas KPO focuses on high-level processes.',
  },
];

/** The conclusion's two paragraphs: both work business to business, and providers now offer both. */
export const CONCLUSION: readonly Bilingual[] = [
  {
    // The first sentence is garbled in the Estonian; the English gives the original's sense.
    et: 'Peaaegu kõik rahvusvahelised ettevõtted tellivad täna oma põhitegevused alles oma põhitegevusele. Mõlemad allhangete vormid töötavad B2B keskkonnas, kus mõlemad teenusepakkujad ja teenuste ostjad on äriorganisatsioonid.',
    en: 'Today almost every multinational company outsources its non-core activities so that it can concentrate on its core business. Both forms of outsourcing work in a B2B setting, where the service providers and the service buyers are both business organisations.',
  },
  {
    // "midagi muud kui" renders "nothing but": the KPO definition calls KPO an extended BPO too.
    et: 'Tuleb meeles pidada, et KPO on midagi muud kui BPO laiendatud versioon. Aja jooksul on täheldatud, et KPO laienemisega kaotab BPO oma eksistentsi. Nüüd pakuvad teenusepakkujad nii BPO kui KPO teenuseid üheaegselt organisatsioonile.',
    en: 'It is worth remembering that KPO is nothing but an extended version of BPO. Over time it has been observed that as KPO grows, BPO loses its reason to exist. Today service providers offer organisations both BPO and KPO services at the same time.',
  },
];

/**
 * Vocabulary for the professions the core list in terms.ts covers thinly: critical-care nursing,
 * sales, performance marketing, mechanical design, teaching, trades, hospitality, HR, legal, support,
 * supply chain, finance, data, design and project management. Same entry format as terms.ts
 * (read its header); merged into the shared tables by `extendVocabulary`, which terms.ts calls once.
 *
 * Rules kept here:
 * - aliases are what practitioners write (abbreviations, brand names, spelled-out forms); a word that
 *   is also everyday English gets the "=" case marker or is only used inside a longer phrase;
 * - an alias already owned by a terms.ts entry is not repeated, except the few in
 *   `DELIBERATE_OVERRIDES`, where an alias is knowingly shared with a broader terms.ts entry.
 *   Entries here are placed first, so the specific entry wins such a tie.
 */
import type { TermKind, VocabularyEntry } from "./terms"

const e = (name: string, aliases: string[], kind: TermKind = "skill", groups?: string[], related?: string[]): VocabularyEntry => ({
  name,
  aliases,
  kind,
  groups,
  related
})

/** Aliases that intentionally re-home a terms.ts alias onto a more specific entry here. */
/** Aliases deliberately shared with a broader terms.ts entry (none since BSN, A/B testing, Zendesk and Freshdesk moved here). */
export const DELIBERATE_OVERRIDES: string[] = []

export const PROFESSION_GROUP_NAMES: Record<string, string[]> = {
  sales_methodology: ["sales methodology", "sales methodologies", "sales process framework", "qualification framework", "deal qualification"],
  ad_platform: ["ad platforms", "advertising platforms", "ad platform", "paid media platforms"],
  email_platform: ["email platform", "email service provider", "ESP"],
  cad_2d: ["2D CAD", "2D drafting", "drafting software"],
  pdm: ["PDM system", "product data management", "PDM/PLM"],
  support_desk: ["ticketing system", "help desk software", "helpdesk software", "support platform", "ticketing tool"],
  design_tool: ["design tools", "prototyping tools", "UI design tool"],
  dashboard_bi: [],
  hotel_pms: ["PMS", "property management system"],
  legal_research: ["legal research platform", "legal research tools"],
  ediscovery_tool: ["e-discovery platform", "review platform", "document review platform"],
  sis: ["SIS", "student information system"],
  data_warehouse: ["data warehouse", "cloud data warehouse", "data warehousing"],
  planning_tool: ["planning system", "supply planning software", "demand planning software"],
  ecommerce_platform: ["e-commerce platform", "ecommerce platform"],
  accounting_close_tool: []
}

export const PROFESSION_GROUP_RELATED: Record<string, string[]> = {
  cad_2d: ["cad"],
  pdm: [],
  ad_platform: [],
  support_desk: ["crm"],
  email_platform: ["marketing_automation"]
}

/** Extra "using X shows Y" implications, merged into IMPLIED_BY. */
export const PROFESSION_IMPLIED_BY: Record<string, string[]> = {
  "critical care nursing": ["CRRT", "ECMO", "CCRN", "vasoactive infusions", "mechanical ventilation"],
  Excel: ["Excel formulas", "Excel VBA macros"],
  "paid media": ["Google Ads campaign types", "Meta Ads Manager", "LinkedIn Campaign Manager", "SEM", "paid social"]
}

export const PROFESSION_VOCABULARY: VocabularyEntry[] = [
  // ── Nursing and acute care ─────────────────────────────────────────────
  e("critical care nursing", ["ICU", "intensive care unit", "intensive care", "critical care", "critical-care", "MICU", "SICU", "CVICU", "CTICU", "CCU", "cardiac ICU", "medical ICU", "surgical ICU", "neuro ICU", "neuro-ICU", "trauma ICU", "critical care unit", "ICU nurse", "ICU RN", "critical care nurse", "critical care RN"], "concept", undefined, ["step-down", "stepdown", "progressive care", "PCU", "emergency department", "NICU", "PICU", "neonatal intensive care", "pediatric intensive care"]),
  e("step-down unit", ["step-down", "stepdown", "step-down unit", "progressive care", "progressive care unit", "PCU", "intermediate care", "IMCU", "telemetry unit", "tele unit"], "concept"),
  e("medical-surgical nursing", ["med-surg", "med/surg", "medical-surgical", "medical surgical", "MedSurg"], "concept"),
  e("emergency nursing", ["emergency department", "emergency room", "ED nurse", "ER nurse", "trauma center", "level I trauma", "level 1 trauma"], "concept"),
  e("operating room nursing", ["operating room", "perioperative", "peri-operative", "OR nurse", "circulating nurse", "scrub nurse", "PACU", "post-anesthesia care"], "concept"),
  e("labor and delivery", ["labor and delivery", "labour and delivery", "L&D", "obstetrics", "OB nurse", "postpartum", "mother-baby"], "concept"),
  e("pediatric nursing", ["pediatric nursing", "paediatric nursing", "pediatrics", "paediatrics", "pediatric unit", "pediatric patients"], "concept"),
  e("oncology nursing", ["oncology", "chemotherapy administration", "chemo administration", "OCN", "infusion center"], "concept"),
  e("home health", ["home health", "home healthcare", "home care", "hospice", "visiting nurse", "=OASIS"], "concept"),
  e("mechanical ventilation", ["mechanical ventilation", "mechanically ventilated", "ventilated patients", "ventilator management", "ventilator care", "ventilators", "ventilator", "vent management", "vented patients", "on the vent", "on vents", "intubated", "intubated patients", "intubation", "extubation", "ventilator weaning", "vent weaning", "BiPAP", "airway management", "tracheostomy care", "trach care"], "skill"),
  e("vasoactive infusions", ["vasoactive infusions", "vasoactive infusion", "vasoactive drips", "vasoactive medications", "vasoactive agents", "vasoactive", "vasopressors", "vasopressor", "pressors", "pressor", "norepinephrine", "Levophed", "vasopressin", "phenylephrine", "Neo-Synephrine", "epinephrine drip", "epinephrine infusion", "dopamine drip", "dobutamine", "milrinone", "inotropes", "titrate drips", "titrating drips", "titrated drips", "titratable drips", "drip titration", "titrating vasoactive", "titrate pressors", "titrating pressors", "titrated pressors", "critical drips"], "skill"),
  e("sedation management", ["sedation management", "conscious sedation", "moderate sedation", "propofol", "RASS", "sedation protocols", "sedation titration"], "skill"),
  e("CRRT", ["CRRT", "continuous renal replacement therapy", "continuous renal replacement", "CVVH", "CVVHD", "CVVHDF", "Prismaflex", "PrisMax", "renal replacement therapy", "continuous dialysis"], "skill", undefined, ["hemodialysis", "dialysis"]),
  e("hemodialysis", ["hemodialysis", "haemodialysis", "dialysis", "peritoneal dialysis"], "skill"),
  e("ECMO", ["ECMO", "extracorporeal membrane oxygenation", "VA ECMO", "VV ECMO", "ECLS"], "skill"),
  e("hemodynamic monitoring", ["hemodynamic monitoring", "haemodynamic monitoring", "arterial line", "arterial lines", "art line", "art lines", "A-line", "A-lines", "central line", "central lines", "CVP", "Swan-Ganz", "pulmonary artery catheter", "PA catheter", "invasive monitoring", "invasive lines"], "skill"),
  e("IABP", ["IABP", "intra-aortic balloon pump", "balloon pump", "Impella", "LVAD"], "skill"),
  e("sepsis management", ["sepsis", "septic shock", "sepsis bundle", "sepsis bundles", "SEP-1"], "skill"),
  e("rapid response", ["rapid response", "rapid response team", "code blue", "code team", "RRT nurse"], "skill"),
  e("telemetry", ["telemetry", "cardiac monitoring", "rhythm interpretation", "dysrhythmia interpretation", "12-lead", "12 lead"], "skill"),
  e("IV therapy", ["IV therapy", "IV insertion", "IV starts", "peripheral IV", "PIV", "IV placement", "infusion therapy", "IV pumps", "infusion pumps", "Alaris"], "skill"),
  e("wound care", ["wound care", "wound vac", "wound VAC", "negative pressure wound therapy", "pressure injury", "pressure injuries", "pressure ulcer", "CWOCN", "WOCN"], "skill"),
  e("charting", ["charting", "nursing documentation", "clinical documentation", "care plans", "nursing care plans", "shift report", "SBAR", "handoff report"], "skill"),
  e("CCRN", ["CCRN", "CCRN-K", "Critical Care Registered Nurse", "AACN certification", "CCRN certification", "CCRN certified"], "credential", undefined, ["CEN", "PCCN", "TNCC", "CCRN eligible", "eligible for CCRN"]),
  e("CEN", ["CEN", "Certified Emergency Nurse"], "credential"),
  e("PCCN", ["PCCN", "Progressive Care Certified Nurse"], "credential"),
  e("TNCC", ["TNCC", "Trauma Nursing Core Course"], "credential"),
  e("NRP", ["NRP", "Neonatal Resuscitation Program"], "credential"),
  e("NIHSS", ["NIHSS", "NIH Stroke Scale", "stroke certification"], "credential"),
  e("CNOR", ["CNOR", "Certified Perioperative Nurse"], "credential"),
  e("BSN degree", ["BSN", "B.S.N.", "B.S.N", "Bachelor of Science in Nursing", "Bachelor's in Nursing", "Bachelors in Nursing", "Bachelor of Nursing", "BScN", "B.Sc.N.", "RN-to-BSN", "RN to BSN"], "credential", undefined, ["ADN", "ASN", "Associate Degree in Nursing", "diploma in nursing", "MSN"]),
  e("ADN", ["ADN", "ASN", "Associate Degree in Nursing", "Associate of Science in Nursing", "Associate's in Nursing"], "credential"),
  e("MSN", ["MSN", "M.S.N.", "Master of Science in Nursing", "Master's in Nursing", "DNP", "Doctor of Nursing Practice"], "credential"),
  e("multistate nursing licence", ["NLC", "Nurse Licensure Compact", "multistate license", "multistate licence", "multi-state license", "multi-state licence", "compact license", "compact licence", "compact RN license", "compact state license", "multistate RN license"], "credential", undefined, ["single-state license", "RN license"]),
  e("NCLEX", ["NCLEX", "NCLEX-RN", "NCLEX-PN"], "credential"),
  e("Pyxis", ["Pyxis", "Omnicell", "automated dispensing cabinet", "automated dispensing cabinets"], "skill"),
  e("infection control", ["infection control", "infection prevention", "isolation precautions", "sterile technique", "aseptic technique", "CLABSI", "CAUTI", "hand hygiene"], "skill"),
  e("charge nurse", ["charge nurse", "charge RN", "relief charge", "relief charge nurse", "charge duties", "charge role"], "skill", undefined, ["preceptor", "unit leadership"]),
  e("preceptor", ["preceptor", "preceptorship", "precepting", "precepted", "clinical preceptor", "nurse preceptor", "orienting new nurses", "oriented new nurses", "orienting new graduates", "oriented new graduates"], "skill"),
  e("patient education", ["patient education", "discharge teaching", "discharge education", "family education", "patient teaching"], "skill"),
  e("CPR instructor", ["BLS instructor", "ACLS instructor", "CPR instructor", "AHA instructor"], "credential"),
  e("EMT", ["EMT", "EMT-B", "EMT-Basic", "Emergency Medical Technician", "paramedic", "NREMT", "EMT-P"], "credential"),
  e("respiratory therapy", ["respiratory therapist", "respiratory therapy", "RRT credential", "CRT credential", "NBRC"], "credential"),
  e("pharmacy technician", ["pharmacy technician", "pharmacy tech", "CPhT", "PTCB"], "credential"),
  e("medical terminology", ["medical terminology", "clinical terminology"], "skill"),
  // ── Clinical research (beyond terms.ts) ───────────────────────────────
  e("CRA monitoring", ["site monitoring", "monitoring visits", "site initiation visit", "site initiation visits", "SIV", "SIVs", "close-out visit", "close-out visits", "interim monitoring", "source data verification", "SDV", "risk-based monitoring", "RBM"], "skill"),
  e("adverse event reporting", ["adverse event reporting", "adverse events", "adverse event", "serious adverse events", "SAE reporting", "SAEs", "pharmacovigilance", "safety reporting"], "skill"),
  e("regulatory binder", ["regulatory binder", "regulatory binders", "essential documents", "trial master file", "TMF", "eTMF", "ISF", "investigator site file", "delegation log", "delegation of authority log"], "skill"),
  e("21 CFR Part 11", ["21 CFR Part 11", "CFR Part 11", "Part 11", "21 CFR 50", "21 CFR 312", "21 CFR 812", "FDA regulations"], "skill"),
  e("contract research organization", ["contract research organization", "contract research organisation", "CRO experience"], "concept"),
  // ── Sales ──────────────────────────────────────────────────────────────
  e("MEDDIC", ["MEDDIC", "MEDDICC", "MEDDPICC", "MEDDPIC", "MEDDICC methodology"], "skill", ["sales_methodology"]),
  e("Challenger Sale", ["Challenger Sale", "Challenger Sales", "Challenger selling", "Challenger methodology", "Challenger model", "=Challenger"], "skill", ["sales_methodology"]),
  e("Sandler", ["Sandler Selling", "Sandler Selling System", "Sandler training", "Sandler methodology", "=Sandler"], "skill", ["sales_methodology"]),
  e("SPIN Selling", ["SPIN Selling", "=SPIN"], "skill", ["sales_methodology"]),
  e("Command of the Message", ["Command of the Message", "Force Management", "Value Selling", "ValueSelling", "Value Selling Framework"], "skill", ["sales_methodology"]),
  e("solution selling methodology", ["Solution Selling methodology", "Miller Heiman", "Strategic Selling", "Conceptual Selling", "BANT", "GPCTBA", "Gap Selling", "Target Account Selling", "TAS methodology"], "skill", ["sales_methodology"]),
  e("sales cycle", ["full sales cycle", "full-cycle sales", "full cycle sales", "full-cycle", "end-to-end sales cycle", "sales cycle", "sales cycles", "discovery calls", "discovery call", "product demos", "demos", "negotiation", "negotiating", "closed-won", "closed won"], "skill"),
  e("pipeline management", ["pipeline management", "sales pipeline", "sales forecasting", "deal forecasting", "commit forecast", "pipeline coverage", "pipeline reviews"], "skill"),
  e("cold outreach", ["cold outreach", "cold emailing", "cold emails", "outbound sequences", "sequencing", "multi-touch", "Outreach.io", "Salesloft", "Apollo.io", "ZoomInfo", "LinkedIn Sales Navigator", "Sales Navigator", "Gong.io", "=Gong", "Chorus.ai", "Clari"], "skill"),
  e("annual contract value", ["ACV", "annual contract value", "ARR", "annual recurring revenue", "MRR", "monthly recurring revenue", "TCV", "total contract value", "bookings", "net new ARR", "deal size", "average deal size"], "concept"),
  e("plan attainment", ["plan attainment", "attainment of plan", "of plan", "% to plan", "percent of plan", "exceeded quota", "exceeded target", "over quota", "quota-carrying", "quota carrying", "carried a quota", "carry a quota", "Presidents Club", "President's Circle"], "concept"),
  e("AE role", ["AE", "mid-market AE", "enterprise AE", "senior AE", "closing role", "closer"], "concept", undefined, ["SDR", "BDR", "sales development representative", "business development representative"]),
  e("sales development", ["sales development representative", "business development representative", "sales development", "SDR team", "BDR team", "inside sales"], "concept"),
  e("channel sales", ["channel sales", "channel partners", "partner sales", "reseller", "resellers", "VARs", "distributor sales", "alliances"], "skill"),
  e("territory management", ["territory management", "territory planning", "account planning", "named accounts", "account mapping"], "skill"),
  e("RFP responses", ["RFP", "RFPs", "RFI", "request for proposal", "request for proposals", "proposal writing", "bid management", "tenders"], "skill"),
  e("CPQ", ["CPQ", "configure price quote", "Salesforce CPQ", "quoting"], "skill"),
  e("medical device sales", ["medical device sales", "device sales", "pharmaceutical sales", "pharma sales", "capital equipment sales"], "concept"),
  e("retail sales", ["retail sales", "sales associate", "visual merchandising", "merchandising", "loss prevention", "cash handling", "cash register", "opening and closing"], "concept"),
  // ── Marketing ──────────────────────────────────────────────────────────
  e("paid media", ["paid media", "paid acquisition", "paid channels", "paid marketing", "paid advertising", "digital advertising", "media buying", "media buyer", "ad spend", "ad budget", "ad budgets", "media budget", "media spend", "programmatic", "display advertising", "paid campaigns"], "skill", undefined, ["organic social", "SEO"]),
  e("performance marketing", ["performance marketing", "growth marketing", "acquisition marketing", "user acquisition", "demand generation", "demand gen", "growth marketer", "performance marketer", "direct response"], "concept"),
  e("Google Ads campaign types", ["Google Ads Editor", "Performance Max", "PMax", "Google Shopping", "Shopping campaigns", "Google Merchant Center", "Search Ads 360", "SA360", "DV360", "Display & Video 360", "YouTube Ads", "Microsoft Advertising", "Microsoft Ads"], "skill", ["ad_platform"]),
  e("Meta Ads Manager", ["Meta Ads Manager", "Facebook Ads Manager", "Ads Manager", "Facebook Business Manager", "Meta Business Suite", "Instagram Ads", "Meta Advantage+", "Advantage+"], "skill", ["ad_platform"]),
  e("LinkedIn Campaign Manager", ["LinkedIn Campaign Manager", "LinkedIn advertising", "Snapchat Ads", "Pinterest Ads", "Reddit Ads", "X Ads", "Twitter Ads", "Amazon Ads", "Amazon Advertising", "The Trade Desk", "Criteo"], "skill", ["ad_platform"]),
  e("marketing metrics", ["ROAS", "return on ad spend", "CAC", "customer acquisition cost", "LTV", "CLV", "CLTV", "customer lifetime value", "lifetime value", "LTV:CAC", "CPL", "cost per lead", "cost per acquisition", "CPM", "CPC", "cost per click", "CTR", "click-through rate", "conversion rate", "conversion rates", "MER", "blended CAC", "payback period", "unit economics"], "skill"),
  e("experimentation", ["A/B testing", "A/B tests", "A/B test", "AB testing", "split testing", "split tests", "split test", "split-testing", "multivariate testing", "multivariate tests", "experimentation", "controlled experiments", "incrementality testing", "incrementality tests", "lift tests", "holdout tests", "Optimizely", "VWO", "Google Optimize", "LaunchDarkly", "Statsig"], "skill"),
  e("conversion rate optimization", ["conversion rate optimization", "conversion rate optimisation", "landing page optimization", "funnel optimization", "CRO program"], "skill"),
  e("marketing attribution", ["attribution", "marketing attribution", "multi-touch attribution", "MTA", "media mix modeling", "media mix modelling", "marketing mix modeling", "marketing mix modelling", "MMM", "last-click", "first-touch", "UTM", "UTMs", "UTM parameters"], "skill"),
  e("tag management", ["Google Tag Manager", "Twilio Segment", "Segment.io", "Tealium", "Meta Pixel", "Facebook Pixel", "Conversions API", "CAPI", "server-side tagging"], "skill"),
  e("email service providers", ["Klaviyo flows", "=Iterable", "Customer.io", "=Attentive", "=Postscript", "SendGrid", "Constant Contact", "Campaign Monitor", "ActiveCampaign", "Salesforce Marketing Cloud", "SFMC", "ExactTarget"], "skill", ["email_platform"]),
  e("lifecycle marketing", ["lifecycle marketing", "CRM marketing", "retention marketing", "customer lifecycle", "onboarding flows", "nurture campaigns", "lead nurturing", "segmentation", "audience segmentation"], "skill"),
  e("brand marketing", ["brand marketing", "brand strategy", "brand management", "brand awareness", "brand campaigns"], "concept"),
  e("product marketing", ["product marketing", "go-to-market", "GTM strategy", "product launches", "launch plans", "competitive intelligence", "sales enablement"], "concept"),
  e("public relations", ["public relations", "PR campaigns", "media relations", "press releases", "Cision", "Meltwater", "communications strategy"], "skill"),
  e("influencer marketing", ["influencer marketing", "creator partnerships", "influencer partnerships", "affiliate marketing", "affiliate programs", "Impact.com", "partnerships marketing"], "skill"),
  e("e-commerce", ["e-commerce", "ecommerce", "eCommerce", "DTC", "direct-to-consumer", "D2C", "online store", "Shopify", "Magento", "WooCommerce", "BigCommerce", "Salesforce Commerce Cloud"], "concept", ["ecommerce_platform"]),
  e("subscription business", ["subscription business", "subscription company", "subscription model", "subscription-based", "subscription service", "subscription services", "subscription box", "subscription commerce", "membership business", "recurring billing model"], "concept", undefined, ["e-commerce"]),
  e("Semrush-style SEO tooling", ["Screaming Frog", "Google Search Console", "Search Console", "keyword research", "technical SEO", "on-page SEO", "link building", "backlinks"], "skill"),
  e("marketing analytics", ["marketing analytics", "campaign reporting", "campaign performance", "cohort analysis", "funnel analysis", "funnel metrics"], "skill"),
  // ── Mechanical design and manufacturing ───────────────────────────────
  e("3D CAD modeling", ["3D modeling", "3D modelling", "solid modeling", "solid modelling", "parametric modeling", "parametric modelling", "3D models", "3D CAD models", "surface modeling", "surfacing"], "skill", undefined, ["2D drafting", "AutoCAD"]),
  e("2D drafting", ["2D drafting", "2D drawings", "2D drawing", "AutoCAD LT", "DraftSight", "draftsman", "draftsperson", "detail drawings", "engineering drawings", "drawing packages", "drawing package"], "skill", ["cad_2d"]),
  e("PDM vault", ["SolidWorks PDM", "SOLIDWORKS PDM", "EPDM", "Enterprise PDM", "Autodesk Vault", "Vault PDM", "ENOVIA", "3DEXPERIENCE", "Aras Innovator", "Aras PLM", "PTC Windchill", "Siemens Teamcenter", "revision control", "engineering change orders", "engineering change order", "ECO", "ECOs", "ECN", "ECNs", "ECR", "change orders"], "skill", ["pdm"]),
  e("bill of materials", ["bill of materials", "bills of materials", "BOM", "BOMs", "EBOM", "MBOM"], "skill"),
  e("sheet metal design", ["sheet metal", "sheet-metal", "sheetmetal", "bend allowance", "K-factor", "press brake", "flat patterns", "flat pattern"], "skill"),
  e("injection molding", ["injection molding", "injection moulding", "injection-molded", "injection-moulded", "molded parts", "moulded parts", "plastic part design", "plastic parts", "draft angles", "mold design", "mould design", "tooling design", "mold flow", "Moldflow"], "skill"),
  e("casting and machining design", ["die casting", "die-cast", "investment casting", "machined parts", "machined components", "5-axis", "CNC machining"], "skill"),
  e("additive manufacturing", ["additive manufacturing", "3D printing", "3D-printing", "3D printed", "rapid prototyping", "FDM", "SLS", "DMLS"], "skill"),
  e("tolerance stacks", ["tolerance stack", "tolerance stacks", "stack-up analysis", "stackup analysis", "worst-case stack", "RSS stack", "statistical tolerancing", "tolerancing"], "skill"),
  e("ASME Y14 drawing standards", ["ASME Y14", "ASME Y14.5M", "Y14.5-2018", "Y14.5-2009", "ISO GPS", "ISO 1101", "datum reference frame", "datum scheme", "datums", "feature control frame", "feature control frames", "true position", "GDT"], "skill"),
  e("structural analysis", ["structural analysis", "stress analysis", "hand calculations", "hand calcs", "static analysis", "modal analysis", "thermal analysis", "fatigue analysis", "finite element modeling", "FEM"], "skill"),
  e("design validation", ["design verification", "design validation", "DVP&R", "DV testing", "PV testing", "prototype testing", "test fixtures", "test plans", "root cause analysis", "RCA", "8D", "5 Whys", "fishbone"], "skill"),
  e("mechanisms and mechanical design", ["mechanical design", "mechanism design", "mechanisms", "electromechanical", "electro-mechanical", "enclosure design", "enclosures", "fastener selection", "bearing selection", "motion control", "actuators", "gearboxes", "kinematics"], "skill"),
  e("product development process", ["product development", "new product development", "NPD", "NPI", "new product introduction", "stage-gate", "phase-gate", "design reviews", "PDR", "CDR", "design history file", "DHF"], "concept"),
  e("quality standards", ["ISO 9001", "AS9100", "IATF 16949", "ISO 13485", "ISO 14971", "21 CFR 820", "QMS", "quality management system", "PPAP", "APQP", "first article inspection", "FAI", "CAPA", "SPC", "statistical process control", "gauge R&R", "Gage R&R"], "skill"),
  e("inspection tools", ["CMM", "coordinate measuring machine", "calipers", "micrometers", "height gauge", "optical comparator", "metrology"], "skill"),
  e("materials selection", ["materials selection", "material selection", "material properties", "metallurgy", "plastics", "composites", "elastomers", "heat treatment", "surface finish", "anodizing"], "skill"),
  e("DFMEA practice", ["design FMEA", "process FMEA", "failure modes", "risk analysis"], "skill"),
  e("Six Sigma certification", ["Six Sigma Green Belt", "Six Sigma Black Belt", "CSSGB", "CSSBB", "Lean Six Sigma Green Belt", "Yellow Belt"], "credential"),
  e("HVAC design", ["HVAC design", "mechanical engineering design", "load calculations", "ductwork design", "MEP", "MEP design", "plumbing design", "fire protection design"], "skill"),
  e("SolidWorks certification", ["CSWA", "CSWP", "CSWE", "Certified SolidWorks Associate", "Certified SOLIDWORKS Associate", "Certified SolidWorks Professional", "Certified SOLIDWORKS Professional"], "credential"),
  e("engineering degree", ["BSME", "B.S.M.E.", "MSME", "Bachelor of Science in Mechanical Engineering", "mechanical engineering degree", "BS in Mechanical Engineering", "B.S. in Mechanical Engineering", "BEng", "B.Eng.", "MEng", "M.Eng.", "BSEE", "BSCE", "Bachelor of Engineering"], "credential"),
  e("co-op and internship", ["co-op", "co-op term", "co-op terms", "cooperative education", "internship", "internships", "intern"], "concept"),
  // ── Teaching and education ─────────────────────────────────────────────
  e("teacher training degree", ["Bachelor of Education", "B.Ed.", "BEd", "M.Ed.", "MEd", "Master of Education", "MAT", "Master of Arts in Teaching", "teacher preparation program", "teacher education program", "student teaching", "ECE degree", "early childhood education"], "credential"),
  e("teacher certification exams", ["=Praxis", "Praxis II", "Praxis Core", "edTPA", "CBEST", "CSET", "TExES", "NYSTCE"], "credential"),
  e("National Board Certification", ["National Board Certification", "National Board Certified Teacher", "NBCT"], "credential"),
  e("small group instruction", ["small group instruction", "small-group instruction", "guided reading", "intervention groups", "RTI", "response to intervention", "MTSS", "tiered intervention", "scaffolding", "scaffolded instruction"], "skill"),
  e("literacy instruction", ["literacy instruction", "reading instruction", "phonics", "phonemic awareness", "structured literacy", "Orton-Gillingham", "science of reading", "Wilson Reading", "balanced literacy", "Fountas and Pinnell", "LETRS"], "skill"),
  e("STEM teaching", ["STEM instruction", "STEM education", "STEM curriculum", "math instruction", "science instruction", "inquiry-based learning", "project-based learning", "PBL"], "skill"),
  e("parent communication", ["parent communication", "parent-teacher conferences", "parent teacher conferences", "family engagement", "family communication", "communicating with parents", "parent conferences"], "skill"),
  e("student information systems", ["PowerSchool", "Infinite Campus", "Skyward", "Aeries", "SIMS", "=Arbor", "Synergy SIS"], "skill", ["sis"]),
  e("edtech tools", ["Nearpod", "Kahoot", "Pear Deck", "Flipgrid", "Khan Academy", "IXL", "Edpuzzle", "ClassDojo", "Desmos"], "skill"),
  e("early childhood", ["early childhood", "early years", "preschool", "pre-K", "pre-kindergarten", "kindergarten", "EYFS", "Montessori", "CDA credential", "Child Development Associate"], "concept"),
  e("IB and AP curricula", ["International Baccalaureate", "IB Diploma", "IB MYP", "IB PYP", "Advanced Placement", "AP courses", "AP classes", "A-levels", "A levels", "GCSE", "GCSEs", "IGCSE", "Key Stage 3", "KS3", "KS4", "KS2"], "concept"),
  e("safeguarding", ["safeguarding", "child protection", "DBS check", "enhanced DBS", "mandated reporter", "mandatory reporter", "background check", "fingerprint clearance", "Level 1 fingerprint"], "credential"),
  e("tutoring", ["tutoring", "tutor", "tutored", "academic coaching", "test prep", "SAT prep", "ACT prep"], "skill"),
  e("higher education teaching", ["adjunct", "adjunct faculty", "lecturer", "teaching assistant", "course design", "syllabus", "syllabi", "office hours"], "concept"),
  // ── Skilled trades ─────────────────────────────────────────────────────
  e("journeyman electrician licence", ["journeyman electrician", "journeyman license", "journeyman licence", "journeyman electrical license", "journeyman card", "licensed journeyman", "journeyperson", "journeyman"], "credential", undefined, ["apprentice electrician", "electrical apprentice", "master electrician"]),
  e("master electrician licence", ["master electrician", "master electrician license", "master electrician licence", "master license", "electrical contractor license", "licensed electrical contractor"], "credential", undefined, ["journeyman electrician"]),
  e("electrical apprenticeship", ["apprentice electrician", "electrical apprentice", "electrical apprenticeship", "IBEW apprenticeship", "IEC apprenticeship", "registered apprenticeship", "apprenticeship program"], "credential"),
  e("National Electrical Code", ["National Electrical Code", "NEC", "NFPA 70", "NFPA 70E", "arc flash", "electrical code"], "skill"),
  e("electrical work", ["conduit bending", "conduit", "wiring", "rough-in", "rough in", "panel upgrades", "service upgrades", "motor controls", "three-phase", "3-phase", "troubleshooting circuits", "low voltage", "low-voltage", "VFD", "VFDs", "switchgear"], "skill"),
  e("HVAC", ["HVAC", "HVAC/R", "HVACR", "HVAC-R", "heating ventilation and air conditioning", "refrigeration", "rooftop units", "RTUs", "RTU", "heat pumps", "heat pump", "chillers", "boilers", "split systems", "mini-splits", "ductless", "air handlers", "furnaces"], "skill"),
  e("EPA 608", ["EPA 608", "EPA Section 608", "Section 608", "EPA 608 Universal", "EPA Universal certification", "Universal 608", "EPA Type I", "EPA Type II", "EPA Type III", "608 certification", "refrigerant certification", "refrigerant handling"], "credential"),
  e("NATE certification", ["NATE", "NATE certified", "NATE certification", "North American Technician Excellence"], "credential"),
  e("plumbing", ["plumbing", "plumber", "journeyman plumber", "master plumber", "pipefitting", "pipefitter", "backflow", "backflow certification", "water heaters", "drain cleaning", "PEX", "soldering copper"], "skill"),
  e("carpentry", ["carpentry", "carpenter", "finish carpentry", "cabinetry", "millwork", "drywall", "formwork", "blueprint reading", "blueprints", "reading blueprints", "reading schematics", "schematics"], "skill"),
  e("welding certifications", ["AWS certified welder", "certified welder", "6G", "structural welding", "pipe welding", "SMAW", "GMAW", "GTAW", "FCAW", "stick welding", "flux-core"], "credential"),
  e("industrial maintenance", ["industrial maintenance", "maintenance technician", "preventive maintenance", "preventative maintenance", "PM schedules", "predictive maintenance", "CMMS", "Maximo", "=UpKeep", "Fiix", "millwright", "hydraulics", "pneumatics", "mechanical troubleshooting"], "skill"),
  e("DOT compliance", ["DOT medical card", "DOT physical", "DOT medical certificate", "clean MVR", "MVR", "FMCSA", "hours of service", "HOS", "ELD", "ELDs", "pre-trip inspection", "pre-trip inspections", "DVIR", "tanker endorsement", "doubles/triples", "TWIC"], "credential"),
  e("fall protection and confined space", ["confined space", "confined-space entry", "permit-required confined space", "aerial lift", "aerial lifts", "scissor lift", "boom lift", "MEWP", "rigging", "signal person", "NCCCO", "crane operator"], "credential"),
  e("first aid certification", ["First Aid", "First Aid/CPR", "First Aid certification", "Red Cross certification", "Mental Health First Aid", "Stop the Bleed"], "credential"),
  e("construction management", ["construction management", "construction manager", "site supervision", "site superintendent", "general contractor", "subcontractors", "Procore", "Primavera P6", "P6", "submittals", "punch lists", "punch list", "estimating", "takeoffs", "Bluebeam"], "skill"),
  e("facilities maintenance", ["facilities maintenance", "facilities management", "building maintenance", "building automation", "BAS", "BMS", "work orders"], "skill"),
  e("automotive technician", ["automotive technician", "auto mechanic", "ASE", "ASE certified", "ASE certification", "OBD-II", "brake service", "engine repair", "diesel mechanic", "diesel technician"], "credential"),
  // ── Hospitality and food service ───────────────────────────────────────
  e("front desk operations", ["front desk", "front office", "guest services", "guest relations", "check-in", "check-ins", "concierge", "night audit", "reservations", "room blocks"], "skill"),
  e("hotel property management systems", ["Opera PMS", "Oracle Opera", "OPERA Cloud", "=Opera", "=Mews", "Cloudbeds", "Maestro PMS", "RoomKey", "Protel", "OnQ", "LightSpeed PMS"], "skill", ["hotel_pms"]),
  e("restaurant POS", ["=Toast", "Toast POS", "Square POS", "=MICROS", "Oracle MICROS", "Aloha POS", "NCR Aloha", "Clover POS", "Lightspeed POS", "Revel POS"], "skill", ["pos"]),
  e("food and beverage", ["food and beverage", "food & beverage", "F&B", "banquets", "catering", "fine dining", "casual dining", "quick service", "QSR", "front of house", "FOH", "back of house", "BOH", "bartending", "bartender", "barista", "line cook", "sous chef", "executive chef", "prep cook", "kitchen manager"], "concept"),
  e("culinary skills", ["culinary", "culinary arts", "knife skills", "menu development", "menu costing", "recipe costing", "food cost", "food costing", "mise en place", "HACCP"], "skill"),
  e("alcohol service certification", ["TIPS certified", "TIPS certification", "TIPS-certified", "=TIPS", "TABC", "RBS certification", "Responsible Beverage Service", "responsible alcohol service", "alcohol server certification", "ServSafe Alcohol", "=BASSET", "RSA certificate", "Responsible Service of Alcohol"], "credential"),
  e("revenue management", ["revenue management", "RevPAR", "average daily rate", "yield management", "occupancy", "=IDeaS", "Duetto", "rate strategy"], "skill"),
  e("housekeeping operations", ["housekeeping operations", "room attendant", "room attendants", "executive housekeeper", "laundry operations", "room inspections"], "skill"),
  e("event planning", ["event planning", "event management", "event coordination", "events coordinator", "meeting planning", "conference planning", "trade shows", "CMP", "Certified Meeting Professional", "Cvent"], "skill"),
  e("hospitality management", ["hospitality management", "hotel management", "hotel operations", "hospitality", "resort operations", "rooms division", "guest satisfaction", "guest experience"], "concept"),
  // ── HR and recruiting ──────────────────────────────────────────────────
  e("HRIS platforms", ["ADP Workforce Now", "ADP WFN", "ADP Vantage", "Paylocity", "Paycom", "Paycor", "=Rippling", "=Namely", "Gusto HR", "HiBob", "Personio", "Dayforce", "Ceridian", "Oracle HCM", "SAP SuccessFactors", "UKG Pro", "UKG Ready", "UltiPro", "Zenefits", "Justworks"], "skill", ["hris"]),
  e("applicant tracking systems", ["=Workable", "Jobvite", "=Ashby", "JazzHR", "BambooHR ATS", "Bullhorn", "Recruitee", "Teamtailor", "Workday Recruiting"], "skill", ["ats"]),
  e("recruiting", ["recruiting", "recruitment", "recruiter", "talent acquisition", "full-cycle recruiting", "full cycle recruiting", "full-life-cycle recruiting", "sourcer", "candidate sourcing", "Boolean search", "boolean sourcing", "LinkedIn Recruiter", "technical recruiting", "high-volume recruiting", "high volume recruiting", "campus recruiting", "hiring managers", "intake meetings", "offer negotiation", "candidate experience"], "skill"),
  e("HR certification", ["aPHR", "HRCI", "GPHR", "CIPD", "CIPD Level 5", "CIPD Level 7", "Chartered MCIPD", "SHRM certified", "SHRM certification"], "credential", undefined, ["SHRM-CP", "PHR"]),
  e("employee relations", ["employee relations", "ER investigations", "workplace investigations", "disciplinary", "grievances", "grievance handling", "performance improvement plans", "PIPs", "PIP", "conflict resolution", "labor relations", "labour relations", "collective bargaining", "CBA"], "skill"),
  e("employment law", ["employment law", "labor law", "labour law", "FMLA", "ADA accommodations", "FLSA", "EEO", "EEOC", "Title VII", "I-9", "E-Verify", "wage and hour", "COBRA", "ACA compliance", "OFCCP"], "skill"),
  e("compensation and benefits", ["compensation and benefits", "total rewards", "benefits administration", "benefits enrollment", "open enrollment", "job leveling", "job levelling", "salary bands", "pay equity", "comp planning", "compensation analysis", "Radford", "=Carta"], "skill"),
  e("onboarding", ["onboarding", "new hire orientation", "new-hire orientation", "offboarding", "exit interviews"], "skill"),
  e("learning and development", ["learning and development", "L&D programs", "training and development", "talent development", "leadership development", "training programs", "instructional designer", "e-learning", "eLearning", "Articulate Storyline", "Articulate 360", "Rise 360", "Captivate", "ADDIE", "CPTD", "ATD"], "skill"),
  e("HR business partner", ["HR business partner", "HRBP", "human resources business partner", "people partner", "people business partner", "HR generalist", "people operations", "people ops", "human resources"], "concept"),
  e("performance management", ["performance management", "performance reviews", "performance review cycles", "goal setting", "OKRs", "OKR", "=Lattice", "Culture Amp", "15Five"], "skill"),
  e("HR analytics", ["HR analytics", "people analytics", "workforce analytics", "attrition analysis", "headcount reporting", "turnover analysis", "engagement surveys", "eNPS"], "skill"),
  e("DEI programs", ["DEI", "diversity, equity and inclusion", "diversity equity and inclusion", "diversity and inclusion", "D&I", "DEIB", "ERGs", "employee resource groups"], "concept"),
  // ── Legal ──────────────────────────────────────────────────────────────
  e("bar admission", ["bar admission", "admitted to the bar", "admitted to practice", "member of the bar", "member in good standing", "bar member", "licensed attorney", "licensed to practice law", "active bar license", "active bar licence", "State Bar", "bar license", "bar licence"], "credential", undefined, ["bar exam", "sitting for the bar", "bar candidate", "pending bar admission"]),
  e("law degree", ["J.D.", "JD degree", "Juris Doctor", "law degree", "LL.B.", "LLB", "LL.M.", "law school"], "credential"),
  e("paralegal certificate", ["paralegal certificate", "paralegal certification", "certified paralegal", "CP credential", "NALA", "NFPA PACE", "RP (NFPA)", "ABA-approved paralegal program", "ABA-approved", "paralegal studies"], "credential", undefined, ["legal assistant"]),
  e("paralegal work", ["paralegal", "legal assistant", "legal secretary", "docketing", "calendaring deadlines", "court filings", "e-filing", "PACER", "ECF", "CM/ECF", "legal documents", "case files"], "concept"),
  e("e-discovery", ["e-discovery", "eDiscovery", "ediscovery", "electronic discovery", "document review", "doc review", "privilege review", "privilege logs", "litigation hold", "litigation holds", "ESI", "EDRM", "CEDS"], "skill"),
  e("e-discovery platforms", ["=Relativity", "RelativityOne", "Everlaw", "=DISCO", "Logikcull", "Nuix", "Exterro"], "skill", ["ediscovery_tool"]),
  e("contract drafting", ["contract drafting", "drafting contracts", "drafted contracts", "draft contracts", "contract negotiation", "contract review", "contract management", "contract redlining", "redlining", "redlines", "MSAs", "NDAs", "SOWs", "master services agreement", "master service agreements", "commercial contracts", "CLM", "=Ironclad", "DocuSign CLM", "Icertis", "Agiloft"], "skill"),
  e("legal research", ["legal research", "Westlaw", "Lexis", "LexisNexis", "Lexis+", "Bloomberg Law", "Fastcase", "case law research", "Shepardizing", "KeyCite", "legal writing", "legal memoranda", "legal memos"], "skill", ["legal_research"]),
  e("litigation", ["litigation", "litigation support", "trial preparation", "trial prep", "depositions", "discovery requests", "interrogatories", "subpoenas", "pleadings", "civil litigation", "Bluebook"], "skill"),
  e("corporate law", ["corporate law", "corporate transactions", "M&A", "mergers and acquisitions", "due diligence", "corporate governance", "entity management", "board minutes", "securities law", "capital markets", "venture financings"], "skill"),
  e("privacy and compliance law", ["GDPR", "CCPA", "CPRA", "data privacy", "privacy law", "CIPP", "CIPP/US", "CIPP/E", "CIPM", "data protection", "DPIAs", "regulatory compliance", "compliance program", "AML", "anti-money laundering", "KYC", "BSA/AML", "CAMS", "FCPA", "sanctions screening"], "skill"),
  e("intellectual property", ["intellectual property", "IP law", "patents", "patent prosecution", "trademarks", "trademark prosecution", "copyrights", "USPTO", "patent bar", "registered patent agent"], "skill"),
  e("legal practice management", ["=Clio", "MyCase", "PracticePanther", "iManage", "NetDocuments", "Elite 3E", "Aderant", "timekeeping", "billable hours"], "skill"),
  e("notary public", ["notary public", "notary", "commissioned notary", "notary commission"], "credential"),
  // ── Customer support and success ───────────────────────────────────────
  e("Zendesk", ["Zendesk", "Zendesk Support", "Zendesk Guide"], "skill", ["support_desk"]),
  e("Intercom (support platform)", ["=Intercom"], "skill", ["support_desk"]),
  e("Freshdesk", ["Freshdesk", "Freshservice", "Freshchat"], "skill", ["support_desk"]),
  e("other support desks", ["Help Scout", "HelpScout", "Gorgias", "Kustomer", "Front app", "Salesforce Service Cloud", "Service Cloud", "ServiceNow", "Jira Service Management", "Jira Service Desk", "HubSpot Service Hub", "Zoho Desk", "=Gladly", "Dixa", "LiveAgent", "Re:amaze"], "skill", ["support_desk"]),
  e("support metrics", ["CSAT", "customer satisfaction score", "NPS", "Net Promoter Score", "CES", "customer effort score", "first response time", "FRT", "first contact resolution", "FCR", "average handle time", "AHT", "SLAs", "service level agreements", "resolution time", "QA scores", "ticket volume", "tickets per day", "tickets per hour"], "skill"),
  e("technical support", ["technical support", "tech support", "tier 1", "tier 2", "tier 3", "Tier 1 support", "Tier 2 support", "L1 support", "L2 support", "escalations", "escalation management", "bug reproduction", "bug reports", "ticket triage"], "skill"),
  e("omnichannel support", ["omnichannel", "omni-channel", "live chat", "chat support", "phone support", "email support", "inbound calls", "call center", "call centre", "contact center", "contact centre", "Five9", "Genesys", "Talkdesk", "Aircall", "RingCentral", "NICE inContact"], "skill"),
  e("knowledge base", ["knowledge base", "help center articles", "help centre articles", "help articles", "macros and templates", "support documentation", "self-service content"], "skill"),
  e("customer success management", ["customer success manager", "CSM role", "onboarding customers", "customer onboarding", "QBRs", "QBR", "quarterly business reviews", "executive business reviews", "EBRs", "net revenue retention", "NRR", "gross revenue retention", "GRR", "renewal rate", "Gainsight", "ChurnZero", "Totango", "Vitally", "health scores"], "skill"),
  // ── Supply chain and procurement ───────────────────────────────────────
  e("S&OP", ["S&OP", "sales and operations planning", "sales & operations planning", "IBP", "integrated business planning", "S&OE"], "skill"),
  e("demand planning", ["demand planning", "demand planner", "demand forecasting", "forecast accuracy", "statistical forecasting", "MAPE", "forecast bias", "consensus forecast"], "skill", undefined, ["supply planning"]),
  e("supply planning", ["supply planning", "supply planner", "production planning", "production scheduling", "master production schedule", "MPS", "MRP", "material requirements planning", "materials planning", "material planner", "capacity planning"], "skill"),
  e("inventory planning", ["inventory planning", "inventory optimization", "inventory optimisation", "safety stock", "reorder points", "reorder point", "EOQ", "days of supply", "inventory turns", "stockouts", "stock-outs", "replenishment planning", "ABC analysis"], "skill"),
  e("supply chain planning tools", ["Kinaxis", "RapidResponse", "o9 Solutions", "SAP IBP", "SAP APO", "Oracle ASCP", "Logility", "Anaplan", "Blue Yonder Demand Planning", "ToolsGroup", "Demand Solutions", "Netstock"], "skill", ["planning_tool"]),
  e("APICS certification", ["APICS", "CPIM", "CSCP", "CLTD", "ASCM", "Certified in Planning and Inventory Management", "Certified Supply Chain Professional", "Certified in Logistics, Transportation and Distribution"], "credential"),
  e("procurement", ["procurement", "purchasing", "buyer", "strategic sourcing", "sourcing strategy", "supplier management", "vendor management", "supplier negotiations", "supplier selection", "RFQ", "RFQs", "purchase orders", "POs", "spend analysis", "category management", "Coupa", "Ariba", "SAP Ariba", "Jaggaer", "GEP SMART"], "skill"),
  e("procurement certification", ["CPSM", "CPM (ISM)", "CIPS", "MCIPS", "CIPS Level 4", "CPPB", "CPPO"], "credential"),
  e("Incoterms", ["Incoterms", "Incoterms 2020", "FOB", "CIF", "DDP", "EXW", "FCA", "DAP"], "skill"),
  e("import and export compliance", ["customs compliance", "customs clearance", "customs brokerage", "licensed customs broker", "HTS classification", "HTS codes", "tariff classification", "import compliance", "export compliance", "EAR", "ITAR", "export controls", "freight forwarding", "freight forwarder", "bills of lading", "bill of lading", "commercial invoices", "ACE portal"], "skill"),
  e("logistics management", ["logistics", "transportation management", "freight", "carrier management", "carrier negotiations", "LTL", "FTL", "truckload", "less-than-truckload", "intermodal", "drayage", "ocean freight", "air freight", "last-mile", "last mile", "route planning", "route optimization", "dispatching", "dispatcher", "fleet management"], "skill"),
  e("transportation systems", ["Oracle TMS", "MercuryGate", "BluJay", "e2open", "Descartes", "project44", "FourKites", "Samsara", "Transporeon"], "skill"),
  e("supply chain analytics", ["supply chain analytics", "supply chain analyst", "network optimization", "network design", "Llamasoft", "Supply Chain Guru", "OTIF", "on-time in-full", "fill rate", "fill rates", "perfect order", "lead time", "lead times"], "skill"),
  e("warehouse roles", ["material handler", "materials handler", "warehouse associate", "picker", "packer", "order selector", "loader", "unloader", "shipping clerk", "receiving clerk", "inventory clerk", "stocker"], "concept"),
  e("equipment certification", ["forklift certified", "forklift certification", "forklift license", "forklift licence", "PIT certification", "PIT certified", "reach truck certified", "certified forklift operator", "Class I-VII", "Class II forklift"], "credential"),
  // ── Finance ────────────────────────────────────────────────────────────
  e("FP&A practice", ["financial planning and analysis", "financial planning & analysis", "FP&A analyst", "FP&A team", "annual operating plan", "AOP", "rolling forecast", "rolling forecasts", "budget vs actual", "budget versus actual", "BvA", "variance reporting", "headcount forecast", "long-range plan", "LRP", "reforecast", "reforecasting"], "skill"),
  e("financial modeling", ["financial modeling", "financial modelling", "financial models", "financial model", "3-statement model", "three-statement model", "three statement model", "DCF", "discounted cash flow", "LBO", "LBO model", "leveraged buyout", "valuation", "valuations", "comparable companies", "precedent transactions", "sensitivity analysis", "scenario analysis", "unit economics model"], "skill"),
  e("Excel VBA macros", ["Visual Basic for Applications", "Excel macros", "Excel VBA", "macro writing", "Power Automate"], "skill", undefined, ["Power Query"]),
  e("Excel formulas", ["Excel modeling", "Excel modelling", "SUMIFS", "INDEX MATCH formulas", "array formulas", "dynamic arrays", "Goal Seek", "Excel Solver"], "skill"),
  e("planning software", ["Adaptive Insights", "Workday Adaptive Planning", "Adaptive Planning", "Anaplan models", "Hyperion", "Oracle EPM", "Oracle PBCS", "Planful", "Host Analytics", "Vena Solutions", "Jedox", "OneStream", "BlackLine", "FloQast"], "skill"),
  e("investment banking", ["investment banking", "investment bank", "IB analyst", "private equity", "PE firm", "venture capital", "VC firm", "equity research", "corporate development", "corp dev", "capital raising", "pitch books", "pitchbooks", "CIMs"], "concept"),
  e("financial data terminals", ["Bloomberg Terminal", "FactSet", "Capital IQ", "S&P Capital IQ", "CapIQ", "PitchBook", "Refinitiv", "Eikon", "Morningstar Direct", "Preqin"], "skill"),
  e("securities licences", ["Series 7", "Series 63", "Series 65", "Series 66", "Series 79", "Series 24", "Series 6", "SIE", "Securities Industry Essentials", "FINRA licenses", "FINRA licensed", "FINRA registered"], "credential"),
  e("financial planning credential", ["CFP", "Certified Financial Planner", "ChFC", "CPWA", "CIMA", "FRM", "Financial Risk Manager", "CAIA", "PRM"], "credential"),
  e("CFA level", ["CFA Level I", "CFA Level II", "CFA Level III", "CFA charterholder", "CFA charter", "CFA candidate", "passed CFA Level"], "credential", undefined, ["CFA"]),
  e("treasury", ["treasury", "cash management", "cash forecasting", "cash flow forecasting", "liquidity management", "FX hedging", "foreign exchange", "bank relationships", "Kyriba"], "skill"),
  e("risk and credit analysis", ["credit analysis", "credit risk", "underwriting", "loan underwriting", "commercial lending", "credit memos", "market risk", "risk modeling", "VaR", "Basel III", "stress testing", "CECL"], "skill"),
  e("revenue accounting", ["revenue recognition", "rev rec", "deferred revenue", "billing operations", "SaaS metrics", "subscription billing", "Zuora", "Chargebee", "Stripe Billing", "Maxio"], "skill"),
  e("internal controls", ["internal controls", "SOX", "Sarbanes-Oxley", "SOX 404", "SOX compliance", "ICFR", "control testing", "COSO", "internal audit", "SOC 1", "SOC 2", "SOC 1 reports", "SOC 2 reports"], "skill"),
  e("fixed assets and consolidation", ["fixed assets", "fixed asset accounting", "depreciation", "intercompany", "intercompany reconciliations", "consolidations", "consolidation", "multi-entity", "multi-currency", "lease accounting", "equity method"], "skill"),
  e("tax certification", ["Enrolled Agent", "EA credential", "PTIN", "CRTP", "AFSP", "Lacerte", "UltraTax", "ProSystem fx", "Drake Tax", "CCH Axcess", "GoSystem"], "credential"),
  e("bookkeeping", ["bookkeeping", "bookkeeper", "full-cycle bookkeeping", "full charge bookkeeper", "full-charge bookkeeper", "general ledger", "GL", "chart of accounts", "trial balance", "Bill.com", "Expensify", "Brex", "Certified Bookkeeper"], "skill"),
  // ── Data and analytics ─────────────────────────────────────────────────
  e("SQL dialects", ["Snowflake SQL", "BigQuery SQL", "Spark SQL", "SparkSQL", "HiveQL", "=Presto", "Trino", "Amazon Athena", "Teradata", "Vertica", "ANSI SQL", "window functions", "CTEs", "common table expressions", "SQL joins", "query optimization", "Postgres SQL"], "skill"),
  e("cloud data warehouses", ["Azure Synapse", "Synapse Analytics", "Databricks SQL", "ClickHouse", "Firebolt", "Microsoft Fabric"], "skill", ["data_warehouse"]),
  e("BI tools (more)", ["Qlik", "Qlik Sense", "QlikView", "Sisense", "Metabase", "Mode Analytics", "Apache Superset", "Domo", "ThoughtSpot", "MicroStrategy", "=Hex", "Sigma Computing", "Redash", "Cognos", "IBM Cognos", "SSRS", "Google Data Studio"], "skill", ["bi_tool"]),
  e("dashboards and reporting", ["dashboards", "dashboard", "dashboarding", "data visualization", "data visualisation", "data viz", "KPI reporting", "KPI dashboards", "executive reporting", "self-serve analytics", "self-service analytics"], "skill"),
  e("data modeling", ["data modeling", "data modelling", "dimensional modeling", "dimensional modelling", "star schema", "snowflake schema", "Kimball", "Data Vault", "semantic layer", "LookML", "data marts", "data mart", "slowly changing dimensions", "SCD"], "skill"),
  e("data orchestration and integration", ["Fivetran", "Stitch Data", "Airbyte", "Matillion", "Informatica", "Talend", "SSIS", "Azure Data Factory", "AWS Glue", "dbt Cloud", "dbt Core", "Hightouch", "reverse ETL", "Luigi", "Apache NiFi", "Kafka Connect"], "skill"),
  e("data lakes and big data", ["Hadoop", "HDFS", "Apache Hive", "Delta Lake", "Apache Iceberg", "Hudi", "data lake", "data lakehouse", "lakehouse", "Flink", "Apache Flink", "Apache Beam", "Amazon EMR", "Dataproc"], "skill"),
  e("data quality", ["data quality", "data validation", "Great Expectations", "Monte Carlo", "data observability", "data governance", "data lineage", "data catalog", "Collibra", "Alation", "master data management", "MDM", "data stewardship"], "skill"),
  e("experiment analysis", ["causal inference", "difference-in-differences", "propensity score", "statistical significance", "power analysis", "confidence intervals", "Bayesian", "p-values"], "skill"),
  e("data science libraries", ["scikit learn", "SciPy", "statsmodels", "Jupyter", "Jupyter notebooks", "LightGBM", "CatBoost", "Matplotlib", "Seaborn", "Plotly", "Polars", "Dask", "Hugging Face", "spaCy", "NLTK", "LangChain", "MLflow", "Kubeflow", "SageMaker", "Vertex AI", "feature engineering", "time series", "time-series forecasting", "forecasting models", "clustering", "classification models", "recommendation systems", "recommender systems", "computer vision", "OpenCV"], "skill"),
  e("product analytics", ["product analytics", "Heap Analytics", "Pendo", "FullStory", "Hotjar", "PostHog", "event tracking", "tracking plans", "retention analysis", "funnels", "north star metric"], "skill"),
  e("data engineering", ["data engineering", "data engineer", "data platform", "data infrastructure", "batch processing", "stream processing", "streaming pipelines", "CDC", "change data capture", "Debezium"], "concept"),
  e("analytics certifications", ["Google Data Analytics Certificate", "Google Data Analytics", "Tableau Desktop Specialist", "Tableau Certified", "PL-300", "Microsoft Certified: Power BI Data Analyst", "Databricks Certified", "SnowPro", "AWS Certified Data Analytics", "dbt Certified"], "credential"),
  // ── Software and cloud (gaps in terms.ts) ─────────────────────────────
  e("cloud certifications", ["AWS Certified", "AWS Solutions Architect", "AWS Certified Solutions Architect", "AWS Certified Developer", "AWS Cloud Practitioner", "AZ-900", "AZ-104", "AZ-204", "AZ-305", "Azure Administrator", "Azure Solutions Architect", "Google Cloud Certified", "Professional Cloud Architect", "CKA", "CKAD", "Certified Kubernetes Administrator", "HashiCorp Certified", "Terraform Associate"], "credential"),
  e("security certifications", ["CISSP", "CISM", "CISA", "Security+", "CompTIA Security+", "CEH", "OSCP", "GSEC", "GCIH", "CCSP", "SSCP", "CompTIA CySA+", "PenTest+"], "credential"),
  e("IT certifications", ["CompTIA A+", "A+ certification", "Network+", "CompTIA Network+", "CCNA", "CCNP", "CCIE", "MCSA", "MCSE", "ITIL", "ITIL 4", "ITIL Foundation", "JNCIA", "RHCSA", "RHCE", "LPIC"], "credential"),
  e("cybersecurity", ["cybersecurity", "cyber security", "information security", "InfoSec", "security operations", "SOC analyst", "SIEM", "Splunk", "QRadar", "Microsoft Sentinel", "CrowdStrike", "EDR", "incident response", "threat hunting", "vulnerability management", "penetration testing", "pen testing", "Nessus", "Qualys", "NIST CSF", "NIST 800-53", "ISO 27001", "zero trust", "IAM", "Okta", "identity and access management"], "skill"),
  e("IT support", ["desktop support", "IT support", "service desk", "Active Directory", "Azure AD", "Entra ID", "Intune", "JAMF", "Jamf Pro", "Microsoft Endpoint Manager", "SCCM", "MDM solutions", "Windows Server", "Group Policy", "GPO", "Exchange Online", "Google Workspace admin", "O365 administration", "M365 administration"], "skill"),
  e("computer networking", ["networking", "TCP/IP", "DNS", "DHCP", "VLANs", "VLAN", "routing and switching", "BGP", "OSPF", "firewalls", "Palo Alto", "Fortinet", "FortiGate", "Cisco Meraki", "Meraki", "SD-WAN", "VPN", "load balancers", "Wireshark"], "skill"),
  e("mobile development", ["iOS development", "Android development", "mobile development", "mobile apps", "=Flutter", "=Dart", "Xcode", "Android Studio", "Jetpack Compose", "Objective-C", "=Ionic", "Xamarin", ".NET MAUI", "App Store", "Google Play"], "skill"),
  e("SRE practices", ["SRE", "site reliability engineering", "site reliability", "on-call", "on call rotation", "incident management", "PagerDuty", "Opsgenie", "postmortems", "post-mortems", "SLOs", "SLIs", "error budgets", "runbooks", "chaos engineering"], "skill"),
  e("API tooling", ["Postman", "Swagger", "gRPC", "Protocol Buffers", "protobuf", "WebSockets", "webhooks", "OAuth", "OAuth 2.0", "OpenID Connect", "OIDC", "JWT", "SAML", "SSO", "single sign-on"], "skill"),
  e("Salesforce administration", ["Salesforce Administrator", "Salesforce admin", "Salesforce Certified Administrator", "Salesforce Certified", "Apex", "Visualforce", "Lightning Web Components", "LWC", "SOQL", "Salesforce Flow", "Flow Builder", "Process Builder", "Salesforce Platform Developer"], "skill"),
  e("QA testing", ["quality assurance", "QA engineer", "QA analyst", "manual testing", "test cases", "test case design", "regression testing", "test automation", "automated testing", "TestRail", "=Zephyr", "ISTQB", "exploratory testing", "UAT", "user acceptance testing"], "skill"),
  e("embedded systems", ["embedded systems", "embedded software", "embedded C", "firmware", "microcontrollers", "microcontroller", "RTOS", "FreeRTOS", "ARM Cortex", "STM32", "Arduino", "Raspberry Pi", "I2C", "SPI bus", "UART", "CAN bus", "oscilloscope", "schematic capture", "PCB design", "Altium", "KiCad", "OrCAD", "Eagle PCB", "FPGA", "Verilog", "VHDL"], "skill"),
  // ── Design ─────────────────────────────────────────────────────────────
  e("Sketch and XD", ["Sketch app", "Axure", "Axure RP", "=Framer", "Penpot", "Balsamiq", "Marvel app", "ProtoPie", "Zeplin", "FigJam", "=Miro", "=Mural", "Whimsical", "UXPin"], "skill", ["design_tool"]),
  e("UX design", ["UX design", "UX designer", "user experience design", "user experience", "UI/UX", "UX/UI", "interaction design", "information architecture", "wireframes", "wireframing", "prototypes", "prototyping", "high-fidelity", "low-fidelity", "hi-fi", "lo-fi", "user flows", "journey maps", "journey mapping", "personas", "design thinking", "human-centered design", "human-centred design", "service design", "heuristic evaluation"], "skill"),
  e("UI and visual design", ["UI design", "visual design", "graphic design", "graphic designer", "typography", "layout design", "color theory", "colour theory", "iconography", "illustration", "motion design", "motion graphics", "brand identity", "logo design", "print design", "packaging design", "art direction", "art director"], "skill"),
  e("UX research methods", ["usability studies", "usability tests", "contextual inquiry", "diary studies", "card sorting", "tree testing", "surveys and interviews", "research synthesis", "affinity mapping", "UserTesting", "UserTesting.com", "=Maze", "Dovetail", "Lookback", "mixed-methods research", "qualitative research", "quantitative research", "ethnographic research"], "skill"),
  e("design portfolio", ["design portfolio", "portfolio of work", "case studies", "Dribbble", "Behance"], "concept"),
  e("video and 3D tools", ["Final Cut Pro", "DaVinci Resolve", "Avid Media Composer", "Cinema 4D", "=Blender", "Autodesk Maya", "3ds Max", "Unreal Engine", "Unity3D", "Unity engine", "Substance Painter", "ZBrush", "KeyShot", "Lightroom", "=Canva", "=Procreate", "CorelDRAW", "Affinity Designer"], "skill"),
  // ── Project and program management ────────────────────────────────────
  e("PM certifications", ["PMI-ACP", "PgMP", "PMI-RMP", "PMI-PBA", "Certified ScrumMaster", "Professional Scrum Master", "PSM I", "PSM II", "CSPO", "Certified Scrum Product Owner", "PSPO", "SAFe Agilist", "SAFe SPC", "ICAgile", "Google Project Management Certificate", "Kanban Management Professional", "PRINCE2 Agile", "CompTIA Project+", "APM PMQ", "APM PFQ", "AgilePM"], "credential"),
  e("project planning", ["project planning", "project plans", "project schedules", "project scheduling", "Gantt charts", "Gantt chart", "work breakdown structure", "WBS", "critical path", "critical path method", "CPM scheduling", "resource planning", "resource allocation", "milestones", "scope management", "change control", "earned value management", "EVM", "project budgets", "project budget"], "skill"),
  e("program management", ["program management", "programme management", "program manager", "programme manager", "PMO", "project management office", "portfolio management", "technical program manager", "TPM", "delivery manager", "project manager", "project management", "project coordinator", "project coordination"], "concept"),
  e("agile practices", ["sprint reviews", "backlog grooming", "backlog refinement", "story points", "burndown", "burn-down", "user story mapping", "Scrumban", "XP", "extreme programming", "LeSS", "Nexus framework", "agile coach", "agile coaching", "agile ceremonies"], "skill"),
  e("work management tools", ["Jira Software", "Jira Cloud", "Jira Align", "Azure Boards", "=Notion", "Airtable", "Pivotal Tracker", "Targetprocess", "Rally Software", "VersionOne", "Workfront", "Adobe Workfront", "Teamwork.com", "Planview", "Clarity PPM", "Microsoft Planner", "MS Planner", "Confluence wiki"], "skill", ["pm_tool"]),
  e("change management", ["change management", "organizational change management", "organisational change management", "OCM", "Prosci", "ADKAR", "change adoption", "change impact"], "skill"),
  e("business analysis", ["business analysis", "business analyst", "requirements gathering", "requirements elicitation", "business requirements", "functional requirements", "BRD", "BRDs", "FRD", "process mapping", "process modeling", "BPMN", "Visio", "Lucidchart", "as-is", "to-be", "gap analysis", "CBAP", "CCBA", "IIBA"], "skill"),
  e("vendor and budget management", ["budget ownership", "budget management", "P&L ownership", "P&L responsibility", "owned a budget", "managed a budget", "cost control", "cost savings", "cost reduction"], "skill"),
  // ── Skills every profession asks for ───────────────────────────────────
  e("communication skills", ["communication skills", "communication", "written and verbal communication", "verbal and written communication", "written communication", "verbal communication", "oral communication", "interpersonal skills", "communicator", "public speaking", "presentation skills", "presentations", "presented to", "presenting to", "executive presentations", "client presentations", "business writing", "Toastmasters"], "skill"),
  // Soft skills are shown by what people did: behaviour counts as evidence, as a recruiter reads it.
  e("organizational skills", ["organizational skills", "organisational skills", "organizational", "organisational", "organized", "organised", "organize", "organise", "organizing", "organising", "prioritize", "prioritise", "prioritized", "prioritised", "time management", "multitasking", "multi-tasking"], "concept"),
  e("problem solving", ["problem solving", "problem-solving", "problem solver", "troubleshoot", "troubleshot", "troubleshooting", "root cause", "root-cause", "diagnosed", "resolved issues"], "concept"),
  e("teamwork", ["teamwork", "team player", "collaborated", "collaborate", "collaborating", "collaboration", "collaborative", "partnered with", "worked closely with"], "concept"),
  // ── Operations, office and general business ───────────────────────────
  e("office administration", ["office administration", "office manager", "administrative assistant", "executive assistant", "calendar management", "travel arrangements", "travel booking", "expense reports", "data entry", "typing speed", "WPM", "reception", "receptionist", "multi-line phone", "=Concur", "SAP Concur"], "skill"),
  e("Google Workspace", ["Google Workspace", "G Suite", "GSuite", "Google Docs", "Google Slides", "Google Drive", "Gmail"], "skill"),
  e("collaboration tools", ["=Slack", "Microsoft Teams", "MS Teams", "=Zoom", "Webex", "=Loom", "SharePoint", "OneDrive", "Dropbox"], "skill"),
  e("operations management", ["operations management", "operations manager", "operational excellence", "process improvement", "process optimization", "SOPs", "standard operating procedures", "KPIs", "key performance indicators", "workflow optimization", "P&L management", "multi-site", "multi-unit"], "skill"),
  e("real estate licensing", ["real estate license", "real estate licence", "licensed real estate agent", "real estate salesperson license", "REALTOR", "Realtor", "MLS", "property management", "leasing", "leasing agent", "Yardi", "AppFolio", "RealPage", "Buildium", "CAM reconciliations", "tenant relations"], "credential"),
  e("insurance licensing", ["insurance license", "insurance licence", "Property and Casualty", "P&C license", "Life and Health", "L&H license", "licensed insurance agent", "claims adjuster", "claims adjusting", "claims processing", "underwriter", "CPCU", "AINS", "Guidewire", "Applied Epic", "=Epic Broker"], "credential"),
  e("banking operations", ["bank teller", "teller", "branch operations", "cash drawer", "vault balancing", "loan processing", "loan officer", "mortgage processing", "mortgage underwriting", "NMLS", "mortgage loan originator", "MLO"], "concept"),
  e("nonprofit fundraising", ["fundraising", "development officer", "major gifts", "annual fund", "grant writing", "grants management", "donor relations", "donor stewardship", "capital campaign", "Raiser's Edge", "Blackbaud", "Salesforce NPSP", "DonorPerfect", "Bloomerang", "CFRE"], "skill"),
  e("social work", ["social work", "social worker", "LCSW", "LMSW", "LICSW", "MSW", "Master of Social Work", "BSW", "case management", "case manager", "caseload", "crisis intervention", "motivational interviewing", "trauma-informed care", "trauma-informed", "LPC", "LMFT", "LMHC", "CADC", "behavioral health", "mental health counseling"], "credential"),
  e("allied health", ["physical therapist", "physical therapy", "DPT", "PTA", "occupational therapist", "occupational therapy", "OTR/L", "COTA", "speech-language pathologist", "SLP", "CCC-SLP", "radiologic technologist", "ARRT", "sonographer", "RDMS", "medical laboratory scientist", "MLS(ASCP)", "MLT", "surgical technologist", "CST", "dental hygienist", "RDH", "dental assistant", "RDA", "pharmacist", "PharmD", "RPh", "dietitian", "RDN"], "credential"),
  e("medical office", ["medical receptionist", "patient scheduling", "patient registration", "insurance verification", "prior authorizations", "prior authorization", "revenue cycle", "revenue cycle management", "claims submission", "denials management", "Certified Professional Coder", "CCS", "CPC-A", "RHIT", "RHIA", "medical records", "HIM"], "skill")
]

interface VocabularyTables {
  vocabulary: VocabularyEntry[]
  groupNames: Record<string, string[]>
  groupRelated: Record<string, string[]>
  impliedBy: Record<string, string[]>
}

/**
 * Adds the profession entries and families to the shared tables in place (called once by terms.ts).
 * Entries go first so that, for the few `DELIBERATE_OVERRIDES`, the more specific entry wins a tie;
 * an existing family keeps its own names and members and gains any new ones.
 */
export function extendVocabulary(tables: VocabularyTables): void {
  tables.vocabulary.unshift(...PROFESSION_VOCABULARY)
  const mergeLists = (target: Record<string, string[]>, extra: Record<string, string[]>) => {
    for (const [key, values] of Object.entries(extra)) target[key] = [...new Set([...(target[key] ?? []), ...values])]
  }
  mergeLists(tables.groupNames, PROFESSION_GROUP_NAMES)
  mergeLists(tables.groupRelated, PROFESSION_GROUP_RELATED)
  mergeLists(tables.impliedBy, PROFESSION_IMPLIED_BY)
}

/**
 * Invented people, employers and schools for seeded applicants. Names mix many cultures so the UI and
 * the resume pipeline meet accents and varied lengths; every combination is generated, none is real.
 */
export const FIRST_NAMES = [
  "Amara", "Bilal", "Chen", "Daniela", "Eitan", "Fatima", "Goran", "Hana", "Ifeoma", "Javier",
  "Kaito", "Leilani", "Mateus", "Nadia", "Olusegun", "Priya", "Quentin", "Rafaela", "Sven", "Tamar",
  "Uchenna", "Valentina", "Wei", "Ximena", "Yusuf", "Zanele", "Aarav", "Björn", "Camille", "Dmitri",
  "Esther", "Farid", "Greta", "Hiroshi", "Ines", "Jamal", "Katarzyna", "Lars", "Mei", "Nikhil",
  "Oksana", "Pedro", "Rania", "Sanjay", "Thandiwe", "Ulla", "Vikram", "Wanjiru", "Yara", "Zoltán",
  "Adebayo", "Beatriz", "Cormac", "Divya", "Emeka", "Freya", "Gabriel", "Hyun-woo", "Ilse", "Joaquín",
  "Kwame", "Linnea", "Malik", "Noor", "Orla", "Paulo", "Renée", "Soo-ah", "Tomás", "Ngozi"
] as const

export const LAST_NAMES = [
  "Okafor", "Haddad", "Lindqvist", "Moreno", "Tanaka", "Kowalski", "Nguyen", "Abiodun", "Fischer", "Rahman",
  "Costa", "Petrov", "Mensah", "Johansson", "Gupta", "O'Neill", "Schmidt", "Alvarez", "Kim", "Dubois",
  "Mwangi", "Novak", "Castillo", "Yilmaz", "Andersen", "Chatterjee", "Silva", "Horvath", "Osei", "Bergström",
  "Fernández", "Ivanova", "Park", "Adeyemi", "Rossi", "Hoffmann", "Sato", "Kaplan", "Mahlangu", "Eriksen",
  "Zhou", "Nakamura", "Quispe", "Ferreira", "Wójcik", "Bakker", "Achterberg", "Mahmoud", "Lindgren", "Cruz"
] as const

export const CITIES = [
  "London, UK", "Stockholm, Sweden", "Berlin, Germany", "Lisbon, Portugal", "Amsterdam, Netherlands",
  "Warsaw, Poland", "Dublin, Ireland", "Manchester, UK", "Gothenburg, Sweden", "Barcelona, Spain",
  "New York, NY", "Austin, TX", "Toronto, Canada", "Lagos, Nigeria", "Nairobi, Kenya", "Bangalore, India"
] as const

export const EMPLOYERS = [
  "Northwind Labs", "Bluefjord Analytics", "Tidewater Mobile", "Quartzline Systems", "Helix Commerce",
  "Copperleaf Health", "Lumen Freight", "Ardent Media Group", "Parcelwise", "Brightloom Software",
  "Kestrel Payments", "Orbital Learning", "Fernhill Retail", "Stonebridge Insurance", "Vantage Mobility",
  "Mosaic Travel", "Greenbank Energy", "Polaris Fintech", "Harborview Logistics", "Sundial Studios"
] as const

export const SCHOOLS = [
  "University of Leeds", "KTH Royal Institute of Technology", "Technical University of Munich",
  "University of Lisbon", "Delft University of Technology", "University of Warsaw", "Trinity College Dublin",
  "University of Manchester", "Chalmers University of Technology", "University of Barcelona",
  "University of Texas at Austin", "University of Toronto", "University of Lagos", "University of Nairobi",
  "Indian Institute of Science"
] as const

export const UNRELATED_CAREERS = [
  {
    title: "Store Manager",
    bullets: [
      "Managed a team of 14 retail associates and scheduled weekly shifts",
      "Increased same-store sales by 9% through visual merchandising and staff coaching",
      "Handled inventory counts, supplier deliveries and cash reconciliation"
    ],
    skills: ["Retail operations", "Staff scheduling", "Customer service", "Inventory control"]
  },
  {
    title: "Primary School Teacher",
    bullets: [
      "Planned and delivered the national curriculum to a class of 28 pupils",
      "Led the school's reading programme and parent workshops",
      "Organised field trips and after-school activities"
    ],
    skills: ["Lesson planning", "Classroom management", "Safeguarding", "Parent communication"]
  },
  {
    title: "Event Coordinator",
    bullets: [
      "Coordinated 40+ corporate events a year with budgets up to 120k",
      "Negotiated venue and catering contracts with local suppliers",
      "Managed guest lists, travel and on-site logistics"
    ],
    skills: ["Event planning", "Vendor negotiation", "Budgeting", "Hospitality"]
  },
  {
    title: "Registered Nurse",
    bullets: [
      "Provided patient care on a 30-bed surgical ward",
      "Trained new nursing staff on medication administration protocols",
      "Maintained accurate patient records and care plans"
    ],
    skills: ["Patient care", "Clinical documentation", "Triage", "Team leadership"]
  },
  {
    title: "Graphic Designer",
    bullets: [
      "Designed print and social campaigns for regional consumer brands",
      "Produced brand guidelines and packaging artwork",
      "Worked with copywriters and printers to meet tight deadlines"
    ],
    skills: ["Adobe Illustrator", "Photoshop", "Typography", "Brand identity"]
  }
] as const

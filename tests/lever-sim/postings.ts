/**
 * Seeded postings, built from REAL job postings in ../shared/fixtures/jd/ (never invented text), in the
 * shape of Lever's Data API (compare ../shared/lever/recorded/GET__postings__*.json). Requirements sit
 * in `content.lists` for some postings and only in prose for another, as real postings vary. Each
 * posting also carries a `fit` profile: the skills its requirements ask for, used to write applicants'
 * resumes with a realistic spread from strong to weak.
 */
import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"

import { Rng } from "./rng"

export const FIXTURES_DIR = process.env.LEVER_SIM_FIXTURES ?? resolve(__dirname, "../../../shared/fixtures")
export const RECORDED_DIR = process.env.LEVER_SIM_RECORDED ?? resolve(__dirname, "../../../shared/lever/recorded")

/** The recorded sandbox users (ids used as posting owners, hiring managers and for perform_as). */
export const USER_IDS = {
  superAdmin: "32bc4d3b-1aa6-4e2b-92d0-2e575047001e",
  demoEngineer: "a36cc64a-c990-4732-8288-9d4913220c7f",
  recruiterAngel: "b59ae96c-c132-4a91-9c5c-dccd88fc2794",
  headOfTalent: "6e6931c2-a7d7-4c68-9e24-d3950ae47180",
  recruiterHelena: "b6816cb5-cf05-433c-b07f-2ca3eea60f54"
} as const

export interface PostingList {
  text: string
  content: string
}

export interface LeverPosting {
  id: string
  text: string
  state: "published" | "internal" | "closed" | "draft" | "pending" | "rejected"
  distributionChannels: ("public" | "internal")[] | null
  user: string
  owner: string
  hiringManager: string | null
  categories: {
    commitment: string | null
    department: string | null
    level: string | null
    location: string | null
    team: string | null
    allLocations: string[]
  }
  tags: string[]
  content: {
    description: string
    descriptionHtml: string
    lists: PostingList[]
    closing: string
    closingHtml: string
  }
  country: string | null
  followers: string[]
  reqCode: string | null
  requisitionCodes: string[]
  urls: { list: string; show: string; apply: string } | null
  confidentiality: "non-confidential" | "confidential"
  createdAt: number
  updatedAt: number
  workplaceType: "remote" | "hybrid" | "onsite" | "unspecified"
  salaryRange?: { min: number; max: number; currency: string; interval: string }
}

/** One skill a posting asks for, with resume sentences that show it (`{n}` = a number filled per resume). */
export interface SkillEvidence {
  skill: string
  bullets: string[]
}

export interface FitProfile {
  /** Titles a well-matched applicant has held. */
  titles: string[]
  /** Titles of neighbouring roles (partial fit). */
  adjacentTitles: string[]
  /** Skills the requirements ask for. */
  core: SkillEvidence[]
  /** Related skills that only partly satisfy the requirements. */
  adjacent: SkillEvidence[]
  /** Fields of study that fit. */
  degrees: string[]
  /** Words a keyword-stuffer would paste in white 1-pt text. */
  keywords: string[]
  /** An unconventional route into the role (bootcamp, open source, career change). */
  unconventional: { title: string; org: string; bullets: string[] }[]
  /** German sentences for the non-English resume. */
  german: { title: string; bullets: string[] }
}

export interface SeedPosting {
  posting: LeverPosting
  fit: FitProfile | null
  /** Whether this posting gets applicants (the closed one from the recording does not). */
  hasApplicants: boolean
}

interface V0Posting {
  id: string
  text: string
  categories: { commitment?: string; department?: string; location?: string; team?: string; allLocations?: string[] }
  country?: string
  workplaceType?: string
  descriptionPlain: string
  description: string
  lists: PostingList[]
  additionalPlain: string
  additional: string
  hostedUrl: string
  applyUrl?: string
  createdAt: number
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

function fromV0(v0: V0Posting, id: string, createdAt: number): Omit<LeverPosting, "state" | "distributionChannels"> {
  return {
    id,
    text: v0.text,
    user: USER_IDS.recruiterHelena,
    owner: USER_IDS.recruiterAngel,
    hiringManager: USER_IDS.demoEngineer,
    categories: {
      commitment: v0.categories.commitment ?? null,
      department: v0.categories.department ?? null,
      level: null,
      location: v0.categories.location ?? null,
      team: v0.categories.team ?? null,
      allLocations: v0.categories.allLocations ?? []
    },
    tags: [],
    content: {
      description: v0.descriptionPlain,
      descriptionHtml: v0.description,
      lists: v0.lists.map((l) => ({ text: l.text, content: l.content })),
      closing: v0.additionalPlain,
      closingHtml: v0.additional
    },
    country: v0.country ?? null,
    followers: [USER_IDS.recruiterAngel, USER_IDS.demoEngineer],
    reqCode: null,
    requisitionCodes: [],
    urls: {
      list: "https://jobs.lever.co/simco",
      show: `https://jobs.lever.co/simco/${id}`,
      apply: `https://jobs.lever.co/simco/${id}/apply`
    },
    confidentiality: "non-confidential",
    createdAt,
    updatedAt: createdAt + 3_600_000,
    workplaceType: (v0.workplaceType as LeverPosting["workplaceType"]) ?? "unspecified"
  }
}

/** A plain-text posting: paragraphs become <div>s; "Heading:" blocks of lines become content.lists. */
function fromText(title: string, text: string, withLists: boolean): LeverPosting["content"] {
  const lines = text.replace(/\r/g, "").split("\n")
  if (!withLists) {
    const paragraphs = text.replace(/\r/g, "").split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, " ").trim()).filter(Boolean)
    return {
      description: paragraphs.join("\n\n"),
      descriptionHtml: paragraphs.map((p) => `<div>${escapeHtml(p)}</div>`).join("<div><br></div>"),
      lists: [],
      closing: "",
      closingHtml: ""
    }
  }
  const description: string[] = []
  const closing: string[] = []
  const lists: { text: string; items: string[] }[] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (!line || line === `Job Description: ${title}`) continue
    const heading = /^([A-Z][A-Za-z ']{2,40}):$/.exec(line)
    if (heading) {
      lists.push({ text: heading[1]!, items: [] })
    } else if (/^If you are\b/.test(line) || closing.length > 0) {
      closing.push(line)
    } else if (lists.length > 0) {
      lists[lists.length - 1]!.items.push(line)
    } else {
      description.push(line)
    }
  }
  return {
    description: description.join("\n"),
    descriptionHtml: description.map((p) => `<div>${escapeHtml(p)}</div>`).join(""),
    lists: lists.map((l) => ({ text: l.text, content: l.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("") })),
    closing: closing.join("\n"),
    closingHtml: closing.map((p) => `<div>${escapeHtml(p)}</div>`).join("")
  }
}

const ANDROID_FIT: FitProfile = {
  titles: ["Android Engineer", "Mobile Software Engineer", "Software Engineer, Android"],
  adjacentTitles: ["iOS Engineer", "Frontend Engineer", "Backend Engineer"],
  core: [
    { skill: "Kotlin", bullets: ["Built Android applications in Kotlin with Jetpack Compose used by {n}M monthly users", "Migrated {n} legacy Java screens to Kotlin and coroutines"] },
    { skill: "Android", bullets: ["Owned the Android checkout and subscription flows end to end", "Shipped an Android SDK adopted by {n} internal teams"] },
    { skill: "Testing", bullets: ["Raised unit and UI test coverage with JUnit and Espresso from 40% to {n}%, keeping the app well-tested as it scaled", "Introduced screenshot testing and flaky-test tracking in CI"] },
    { skill: "Code quality", bullets: ["Championed code quality and documentation: wrote the team's architecture docs and code review guide, reviewed {n} pull requests a month"] },
    { skill: "Architecture", bullets: ["Designed a maintainable, scalable and reusable app architecture (MVVM, Hilt) across {n} feature modules"] },
    { skill: "Observability", bullets: ["Added crash and performance monitoring that cut ANRs by {n}%"] },
    { skill: "Collaboration", bullets: ["Collaborated across disciplines with designers, product managers, data scientists and backend engineers on {n} A/B experiments"] },
    { skill: "Ownership", bullets: ["Took ownership outside mobile when needed: stepped into the backend billing service to fix a renewal bug affecting {n}k subscribers"] },
    { skill: "Continuous learning", bullets: ["Ran monthly knowledge-sharing sessions and kept improving team practices (retros, release process, on-call runbooks)"] },
    { skill: "AI-assisted development", bullets: ["Piloted AI-assisted coding tools (Copilot) for the mobile guild and measured their effect on review time"] },
    { skill: "SQL", bullets: ["Wrote SQL against the analytics warehouse to size experiment impact"] }
  ],
  adjacent: [
    { skill: "Swift", bullets: ["Built iOS screens in Swift and SwiftUI for a banking app"] },
    { skill: "React Native", bullets: ["Maintained a React Native app with {n}k daily users"] },
    { skill: "Java", bullets: ["Developed Java backend services for payments"] },
    { skill: "JavaScript", bullets: ["Built responsive web frontends in TypeScript and React"] }
  ],
  degrees: ["BSc Computer Science", "MEng Software Engineering", "BSc Computer Engineering"],
  keywords: ["Kotlin", "Android", "Jetpack Compose", "Coroutines", "MVVM", "Espresso", "JUnit", "Gradle", "Hilt", "code review", "observability", "SQL", "AI-assisted"],
  unconventional: [
    { title: "Independent Android Developer", org: "Self-employed", bullets: ["Published three apps on Google Play with {n}k installs, written in Kotlin", "Maintain an open-source Compose charting library with {n} GitHub stars; write its tests and documentation and review contributors' pull requests", "Worked with a freelance designer and a backend developer to ship features for clients"] },
    { title: "Mobile Bootcamp Graduate", org: "Code Harbour Academy", bullets: ["Capstone: a Kotlin podcast player with offline downloads, unit tests and a modular architecture", "Learned Android in 16 weeks while working full time; pair-programmed daily with classmates from design and QA"] }
  ],
  german: { title: "Android-Entwickler", bullets: ["Entwicklung von Android-Apps mit Kotlin und Jetpack Compose", "Einführung von automatisierten Tests (JUnit, Espresso) und Code-Reviews", "Zusammenarbeit mit Produktmanagern und Designern"] }
}

const ANALYTICS_FIT: FitProfile = {
  titles: ["Analytics Engineer", "Data Engineer", "Senior Data Analyst"],
  adjacentTitles: ["Data Analyst", "BI Developer", "Software Engineer"],
  core: [
    { skill: "SQL", bullets: ["Wrote and optimised complex SQL models over {n} TB of event data", "Built SQL-based data quality checks for {n} core tables"] },
    { skill: "dbt", bullets: ["Built and maintained {n} dbt models with tests and documentation", "Introduced dbt and CI/CD for the analytics layer"] },
    { skill: "BigQuery", bullets: ["Modelled product metrics in BigQuery and cut query cost by {n}%"] },
    { skill: "Data modelling", bullets: ["Designed star-schema data models for finance and product stakeholders"] },
    { skill: "Airflow", bullets: ["Orchestrated {n} daily pipelines with Airflow, including backfills and alerting"] },
    { skill: "Looker", bullets: ["Built Looker dashboards and self-serve explores used by {n} teams"] },
    { skill: "Data quality", bullets: ["Owned data quality SLAs and an on-call support rotation for key datasets"] },
    { skill: "Experimentation", bullets: ["Defined experimentation and developer productivity metrics with data scientists"] }
  ],
  adjacent: [
    { skill: "Excel", bullets: ["Produced weekly Excel reports for regional sales managers"] },
    { skill: "Python", bullets: ["Wrote Python scripts to clean CSV exports"] },
    { skill: "Tableau", bullets: ["Built Tableau dashboards for marketing"] },
    { skill: "Snowflake", bullets: ["Queried Snowflake for ad-hoc analysis"] }
  ],
  degrees: ["BSc Statistics", "MSc Data Science", "BSc Economics", "BSc Computer Science"],
  keywords: ["SQL", "dbt", "BigQuery", "Snowflake", "Airflow", "Dagster", "Looker", "Tableau", "data modelling", "CI/CD", "data quality", "experimentation"],
  unconventional: [
    { title: "Operations Analyst turned Data Engineer", org: "Parcelwise", bullets: ["Taught myself SQL and dbt to automate {n} manual reports; now run the team's BigQuery models", "Set up Airflow DAGs for the warehouse as a side project that became production"] }
  ],
  german: { title: "Analytics Engineer", bullets: ["Aufbau von Datenmodellen mit dbt und SQL in BigQuery", "Orchestrierung von Datenpipelines mit Airflow", "Dashboards in Looker für Fachbereiche"] }
}

const ML_FIT: FitProfile = {
  titles: ["Machine Learning Engineer", "Senior ML Engineer", "Research Scientist"],
  adjacentTitles: ["Data Scientist", "Software Engineer", "Data Analyst"],
  core: [
    { skill: "Machine learning", bullets: ["Researched and deployed machine learning models for ranking serving {n}M requests a day", "Led ML research on recommendation models, published {n} papers"] },
    { skill: "PyTorch", bullets: ["Trained transformer models in PyTorch on multi-GPU clusters"] },
    { skill: "TensorFlow", bullets: ["Built TensorFlow pipelines for image classification with CNNs"] },
    { skill: "Python", bullets: ["Wrote production Python for feature engineering and model training"] },
    { skill: "Deep learning", bullets: ["Designed deep learning architectures (CNNs, RNNs, transformers) for time series forecasting"] },
    { skill: "Statistics", bullets: ["Applied statistical analysis and optimisation algorithms to pricing models"] },
    { skill: "Spark", bullets: ["Processed {n} TB datasets with Spark on AWS EMR for feature extraction"] },
    { skill: "Communication", bullets: ["Presented research findings to non-technical stakeholders and mentored {n} junior engineers"] }
  ],
  adjacent: [
    { skill: "Data analysis", bullets: ["Performed exploratory data analysis in pandas"] },
    { skill: "Excel", bullets: ["Built forecasting spreadsheets in Excel for the finance team"] },
    { skill: "SQL", bullets: ["Wrote SQL reports for the growth team"] }
  ],
  degrees: ["PhD Computer Science", "MSc Machine Learning", "MSc Statistics", "BSc Mathematics"],
  keywords: ["machine learning", "PyTorch", "TensorFlow", "scikit-learn", "deep learning", "transformers", "CNN", "RNN", "Python", "Spark", "AWS", "PhD"],
  unconventional: [
    { title: "Physicist, Computational Modelling", org: "Greenbank Energy", bullets: ["Built neural-network surrogates for grid simulations in Python and PyTorch", "Kaggle competitions master; top {n}% in two vision challenges"] }
  ],
  german: { title: "Machine-Learning-Ingenieur", bullets: ["Entwicklung und Betrieb von Modellen mit PyTorch und TensorFlow", "Forschung zu Deep Learning und Transformer-Modellen", "Verarbeitung großer Datenmengen mit Spark"] }
}

const BACKEND_FIT: FitProfile = {
  titles: ["Senior Backend Engineer", "Backend Engineer", "Software Engineer, Platform"],
  adjacentTitles: ["Full Stack Developer", "DevOps Engineer", "Java Developer"],
  core: [
    { skill: "Python", bullets: ["Built high-throughput Python services with FastAPI handling {n}k requests per second", "{n} years of professional Python, including async programming with asyncio"] },
    { skill: "Django", bullets: ["Designed REST APIs with Django REST Framework for a marketplace"] },
    { skill: "AWS", bullets: ["Ran services on AWS ECS, RDS and ElastiCache with Terraform"] },
    { skill: "Kafka", bullets: ["Introduced event-driven messaging with Kafka between {n} microservices"] },
    { skill: "PostgreSQL", bullets: ["Tuned PostgreSQL queries and indexes, cutting p95 latency by {n}%"] },
    { skill: "Docker/Kubernetes", bullets: ["Containerised services with Docker and deployed them on Kubernetes"] },
    { skill: "Redis", bullets: ["Designed Redis caching patterns for hot read paths"] },
    { skill: "CI/CD", bullets: ["Built CI/CD pipelines in GitHub Actions with automated canaries"] },
    { skill: "Observability", bullets: ["Owned on-call, runbooks and postmortems; instrumented services with Datadog and OpenTelemetry"] }
  ],
  adjacent: [
    { skill: "Node.js", bullets: ["Built Node.js APIs with Express"] },
    { skill: "Java", bullets: ["Maintained Spring Boot services"] },
    { skill: "MySQL", bullets: ["Administered MySQL databases"] }
  ],
  degrees: ["BSc Computer Science", "BEng Software Engineering", "MSc Distributed Systems"],
  keywords: ["Python", "FastAPI", "Django", "asyncio", "AWS", "ECS", "Kafka", "PostgreSQL", "Redis", "Docker", "Kubernetes", "GitHub Actions", "Datadog", "OpenTelemetry"],
  unconventional: [
    { title: "Open-source Maintainer", org: "Self-employed", bullets: ["Maintainer of an asyncio task-queue library (Python, Redis) with {n} contributors", "Contract work: Django and PostgreSQL backends for small businesses"] }
  ],
  german: { title: "Backend-Entwickler", bullets: ["Entwicklung skalierbarer Python-Services mit FastAPI und asyncio", "Betrieb auf AWS (ECS, RDS) mit Docker und Kubernetes", "Optimierung von PostgreSQL-Abfragen und Redis-Caching"] }
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T
}

/**
 * Builds the seeded postings. Ids and timestamps come from the seed; texts from the fixtures.
 * `epoch` is the fixed "now" of the seed world so the same seed gives the same bytes on any day.
 */
export function buildPostings(seed: number, epoch: number): SeedPosting[] {
  const rng = Rng.derive(seed, "postings")
  const lever = readJson<V0Posting[]>(join(FIXTURES_DIR, "jd/lever/lubobali__lever_postings.json"))
  const byTitle = (prefix: string): V0Posting => {
    const found = lever.find((p) => p.text.startsWith(prefix))
    if (!found) throw new Error(`Fixture posting "${prefix}" is missing from ${FIXTURES_DIR}`)
    return found
  }
  const day = 86_400_000
  const android = byTitle("Android Engineer I")
  const analytics = byTitle("Analytics Engineer II")
  const mlText = readFileSync(join(FIXTURES_DIR, "jd/resume-matcher/txt/job_1.txt"), "utf8")
  const backendText = readFileSync(join(FIXTURES_DIR, "jd/resume-matcher/txt/e2e_backend-eng.txt"), "utf8")

  const postings: SeedPosting[] = []
  const androidId = rng.uuid()
  postings.push({
    posting: { ...fromV0(android, androidId, epoch - 40 * day), state: "published", distributionChannels: ["public", "internal"] },
    fit: ANDROID_FIT,
    hasApplicants: true
  })
  const analyticsId = rng.uuid()
  postings.push({
    posting: {
      ...fromV0(analytics, analyticsId, epoch - 35 * day),
      state: "published",
      distributionChannels: ["public", "internal"],
      salaryRange: { min: 52000, max: 68000, currency: "GBP", interval: "per-year-salary" }
    },
    fit: ANALYTICS_FIT,
    hasApplicants: true
  })
  const mlId = rng.uuid()
  postings.push({
    posting: {
      id: mlId,
      text: "Machine Learning Engineer",
      state: "published",
      distributionChannels: ["public", "internal"],
      user: USER_IDS.headOfTalent,
      owner: USER_IDS.recruiterHelena,
      hiringManager: USER_IDS.demoEngineer,
      categories: { commitment: "Full-time", department: "Engineering", level: null, location: "Berlin", team: "Machine Learning", allLocations: ["Berlin", "Remote (EU)"] },
      tags: ["ML"],
      content: fromText("Machine Learning Engineer", mlText, true),
      country: "DE",
      followers: [USER_IDS.headOfTalent],
      reqCode: "ENG-114",
      requisitionCodes: ["ENG-114"],
      urls: { list: "https://jobs.lever.co/simco", show: `https://jobs.lever.co/simco/${mlId}`, apply: `https://jobs.lever.co/simco/${mlId}/apply` },
      confidentiality: "non-confidential",
      createdAt: epoch - 30 * day,
      updatedAt: epoch - 29 * day,
      workplaceType: "hybrid"
    },
    fit: ML_FIT,
    hasApplicants: true
  })
  // Prose-only requirements, and published on the internal channel only: a plain
  // `state=published` (public only) does not list it, exactly as api.md warns.
  const backendId = rng.uuid()
  postings.push({
    posting: {
      id: backendId,
      text: "Senior Backend Engineer",
      state: "published",
      distributionChannels: ["internal"],
      user: USER_IDS.headOfTalent,
      owner: USER_IDS.recruiterAngel,
      hiringManager: null,
      categories: { commitment: "Full-time", department: "Engineering", level: null, location: "Lisbon", team: "Platform", allLocations: ["Lisbon"] },
      tags: [],
      content: fromText("Senior Backend Engineer", backendText, false),
      country: "PT",
      followers: [USER_IDS.recruiterAngel],
      reqCode: "",
      requisitionCodes: [],
      urls: { list: "https://jobs.lever.co/simco", show: `https://jobs.lever.co/simco/${backendId}`, apply: `https://jobs.lever.co/simco/${backendId}/apply` },
      confidentiality: "non-confidential",
      createdAt: epoch - 21 * day,
      updatedAt: epoch - 21 * day,
      workplaceType: "onsite"
    },
    fit: BACKEND_FIT,
    hasApplicants: true
  })
  // The closed posting recorded from Lever's sandbox, byte for byte apart from the id: `urls: null`,
  // `reqCode: ""`, and lists that are onboarding plans rather than requirements.
  const recorded = readJson<{ data: LeverPosting }>(join(RECORDED_DIR, "GET__postings__d248f6f5-ca37-4467-a08d-11ad90fd9b1f__posting.json")).data
  postings.push({ posting: { ...recorded, id: rng.uuid() }, fit: null, hasApplicants: false })
  return postings
}

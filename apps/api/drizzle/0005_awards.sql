CREATE TABLE "award_blockers" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text,
	"person_id" text,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"since" date NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" text,
	"lift_reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_settings" (
	"authority_unit_id" text PRIMARY KEY NOT NULL,
	"grantor_level" text NOT NULL,
	"quorum" numeric(5, 4) DEFAULT '0.6667' NOT NULL,
	"threshold" numeric(5, 4) DEFAULT '0.5' NOT NULL,
	"threshold_strict" boolean DEFAULT true NOT NULL,
	"posting_working_days" integer DEFAULT 10 NOT NULL,
	"bonus_rounding_step" integer DEFAULT 1000 NOT NULL,
	"grantor_title" text DEFAULT '' NOT NULL,
	"issuer_code" text DEFAULT 'UBND' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_types" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"form" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"bonus_coefficient" numeric(6, 3) DEFAULT '0' NOT NULL,
	"requires_initiative" boolean DEFAULT false NOT NULL,
	"vote_threshold" numeric(5, 4),
	"description" text DEFAULT '' NOT NULL,
	"display_order" integer DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"dossier_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"award_type_id" text NOT NULL,
	"issuer_unit_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"person_id" text,
	"recipient_name" text NOT NULL,
	"decision_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"coefficient" numeric(6, 3) NOT NULL,
	"base_salary" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revocation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballots_cast" (
	"meeting_id" text NOT NULL,
	"dossier_id" text NOT NULL,
	"person_id" text NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballots_cast_meeting_id_dossier_id_person_id_pk" PRIMARY KEY("meeting_id","dossier_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "base_salaries" (
	"id" text PRIMARY KEY NOT NULL,
	"amount" bigint NOT NULL,
	"valid_from" date NOT NULL,
	"legal_reference" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "base_salaries_validFrom_unique" UNIQUE("valid_from")
);
--> statement-breakpoint
CREATE TABLE "campaign_award_types" (
	"campaign_id" text NOT NULL,
	"award_type_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_award_types_campaign_id_award_type_id_pk" PRIMARY KEY("campaign_id","award_type_id")
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"council_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"chair_person_id" text,
	"secretary_person_id" text,
	"quorum" numeric(5, 4),
	"threshold" numeric(5, 4),
	"threshold_strict" boolean,
	"minutes_number" text,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"council_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "council_members_council_id_person_id_pk" PRIMARY KEY("council_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" text PRIMARY KEY NOT NULL,
	"authority_unit_id" text NOT NULL,
	"name" text NOT NULL,
	"term" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"authority_unit_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"subject" text NOT NULL,
	"grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fund_source" text DEFAULT '' NOT NULL,
	"register_number" integer,
	"number" text,
	"decided_on" date,
	"signing_capacity" text DEFAULT 'own' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"base_salary" bigint,
	"rounding_step" integer,
	"early_issue_reason" text,
	"signed_file_id" text,
	"issued_at" timestamp with time zone,
	"issued_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_registers" (
	"issuer_unit_id" text NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_registers_issuer_unit_id_year_series_pk" PRIMARY KEY("issuer_unit_id","year","series")
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"dossier_id" text NOT NULL,
	"kind" text NOT NULL,
	"file_id" text NOT NULL,
	"source" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_documents_dossier_id_kind_pk" PRIMARY KEY("dossier_id","kind")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"authority_unit_id" text NOT NULL,
	"nominee_kind" text NOT NULL,
	"unit_id" text NOT NULL,
	"person_id" text,
	"award_type_id" text NOT NULL,
	"submission_id" text,
	"achievement" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"receipt_number" text,
	"received_at" timestamp with time zone,
	"received_by" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"returns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_id" text,
	"forwarded_to_id" text,
	"forwarded_from_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_powers" (
	"id" text PRIMARY KEY NOT NULL,
	"award_type_id" text NOT NULL,
	"grantor_level" text NOT NULL,
	"legal_reference" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" text NOT NULL,
	"person_id" text NOT NULL,
	"present" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_proposals" (
	"meeting_id" text NOT NULL,
	"dossier_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"result" text,
	CONSTRAINT "meeting_proposals_meeting_id_dossier_id_pk" PRIMARY KEY("meeting_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" text PRIMARY KEY NOT NULL,
	"posting_id" text NOT NULL,
	"dossier_id" text,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"authority_unit_id" text NOT NULL,
	"dossier_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"dossier_id" text NOT NULL,
	"person_id" text,
	"choice" text NOT NULL,
	"in_writing" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "thematic" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "award_blockers" ADD CONSTRAINT "award_blockers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_blockers" ADD CONSTRAINT "award_blockers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_blockers" ADD CONSTRAINT "award_blockers_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_blockers" ADD CONSTRAINT "award_blockers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_settings" ADD CONSTRAINT "award_settings_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_award_type_id_award_types_id_fk" FOREIGN KEY ("award_type_id") REFERENCES "public"."award_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots_cast" ADD CONSTRAINT "ballots_cast_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots_cast" ADD CONSTRAINT "ballots_cast_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots_cast" ADD CONSTRAINT "ballots_cast_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots_cast" ADD CONSTRAINT "ballots_cast_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_award_types" ADD CONSTRAINT "campaign_award_types_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_award_types" ADD CONSTRAINT "campaign_award_types_award_type_id_award_types_id_fk" FOREIGN KEY ("award_type_id") REFERENCES "public"."award_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_chair_person_id_people_id_fk" FOREIGN KEY ("chair_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_secretary_person_id_people_id_fk" FOREIGN KEY ("secretary_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_signed_file_id_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_registers" ADD CONSTRAINT "document_registers_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_award_type_id_award_types_id_fk" FOREIGN KEY ("award_type_id") REFERENCES "public"."award_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_powers" ADD CONSTRAINT "grant_powers_award_type_id_award_types_id_fk" FOREIGN KEY ("award_type_id") REFERENCES "public"."award_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_proposals" ADD CONSTRAINT "meeting_proposals_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_proposals" ADD CONSTRAINT "meeting_proposals_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_blockers_unit_idx" ON "award_blockers" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "award_blockers_person_idx" ON "award_blockers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_types_code_uq" ON "award_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_dossier_uq" ON "awards" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "awards_unit_idx" ON "awards" USING btree ("unit_id","decided_on");--> statement-breakpoint
CREATE INDEX "awards_person_idx" ON "awards" USING btree ("person_id","decided_on");--> statement-breakpoint
CREATE INDEX "awards_campaign_idx" ON "awards" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "council_meetings_campaign_idx" ON "council_meetings" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "councils_authority_idx" ON "councils" USING btree ("authority_unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "decisions_campaign_idx" ON "decisions" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_campaign_idx" ON "dossiers" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_authority_idx" ON "dossiers" USING btree ("authority_unit_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_unit_idx" ON "dossiers" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "dossiers_person_idx" ON "dossiers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_one_per_nominee_uq" ON "dossiers" USING btree ("campaign_id","authority_unit_id","unit_id",coalesce("person_id", '')) WHERE "dossiers"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "grant_powers_type_idx" ON "grant_powers" USING btree ("award_type_id","grantor_level","valid_from");--> statement-breakpoint
CREATE INDEX "objections_posting_idx" ON "objections" USING btree ("posting_id","status");--> statement-breakpoint
CREATE INDEX "postings_campaign_idx" ON "postings" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "votes_meeting_idx" ON "votes" USING btree ("meeting_id","dossier_id");--> statement-breakpoint
-- The catalogue as shipped (Law 06/2022/QH15 Art. 9, 80; Decree 152/2025; Decree 73/2024): data the administrator edits, never constants in code.
INSERT INTO "award_types" ("id", "code", "name", "form", "recipient_kind", "bonus_coefficient", "requires_initiative", "vote_threshold", "description", "display_order") VALUES
  ('awt_giay_khen_individual', 'giay_khen_individual', 'Giấy khen (cá nhân)', 'commendation', 'individual', 0.3, false, NULL, 'Giấy khen của Chủ tịch UBND cấp xã hoặc Thủ trưởng cơ quan cấp tỉnh, cho cá nhân.', 10),
  ('awt_giay_khen_collective', 'giay_khen_collective', 'Giấy khen (tập thể)', 'commendation', 'collective', 0.6, false, NULL, 'Giấy khen cho tập thể: mức thưởng gấp 2 lần cá nhân (cần xác minh theo Nghị định 152/2025/NĐ-CP).', 11),
  ('awt_giay_khen_household', 'giay_khen_household', 'Giấy khen (hộ gia đình)', 'commendation', 'household', 0.45, false, NULL, 'Giấy khen cho hộ gia đình: 1,5 lần mức của cá nhân.', 12),
  ('awt_lao_dong_tien_tien', 'lao_dong_tien_tien', 'Lao động tiên tiến', 'title', 'individual', 0.3, false, NULL, 'Hoàn thành tốt nhiệm vụ trở lên; tham gia các phong trào thi đua.', 20),
  ('awt_chien_si_thi_dua_co_so', 'chien_si_thi_dua_co_so', 'Chiến sĩ thi đua cơ sở', 'title', 'individual', 1.0, true, NULL, 'Đạt Lao động tiên tiến và có sáng kiến được công nhận.', 21),
  ('awt_tap_the_lao_dong_tien_tien', 'tap_the_lao_dong_tien_tien', 'Tập thể lao động tiên tiến', 'title', 'collective', 0.8, false, NULL, 'Trên 50% thành viên đạt Lao động tiên tiến; không có cá nhân bị kỷ luật từ cảnh cáo trở lên.', 22),
  ('awt_bang_khen_individual', 'bang_khen_individual', 'Bằng khen của Chủ tịch UBND tỉnh (cá nhân)', 'commendation', 'individual', 1.0, false, NULL, 'Bằng khen của Chủ tịch UBND cấp tỉnh cho cá nhân.', 30),
  ('awt_bang_khen_collective', 'bang_khen_collective', 'Bằng khen của Chủ tịch UBND tỉnh (tập thể)', 'commendation', 'collective', 2.0, false, NULL, 'Bằng khen cho tập thể: 2 lần mức cá nhân (cần xác minh).', 31),
  ('awt_chien_si_thi_dua_tinh', 'chien_si_thi_dua_tinh', 'Chiến sĩ thi đua cấp tỉnh', 'title', 'individual', 3.0, true, NULL, 'Danh hiệu Chiến sĩ thi đua của tỉnh.', 32),
  ('awt_tap_the_lao_dong_xuat_sac', 'tap_the_lao_dong_xuat_sac', 'Tập thể lao động xuất sắc', 'title', 'collective', 1.5, false, NULL, 'Mọi thành viên hoàn thành nhiệm vụ; ít nhất 70% đạt Lao động tiên tiến; có ít nhất một Chiến sĩ thi đua cơ sở.', 33),
  ('awt_co_thi_dua_tinh', 'co_thi_dua_tinh', 'Cờ thi đua của UBND tỉnh', 'flag', 'collective', 2.0, false, NULL, 'Cờ thi đua cấp tỉnh (hệ số cần xác minh).', 34);
--> statement-breakpoint
INSERT INTO "grant_powers" ("id", "award_type_id", "grantor_level", "legal_reference", "valid_from", "valid_to") VALUES
  ('gp_xa_ldtt', 'awt_lao_dong_tien_tien', 'commune', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15; Luật số 72/2025/QH15', '2024-01-01', NULL),
  ('gp_xa_gk_cn', 'awt_giay_khen_individual', 'commune', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15; Luật số 72/2025/QH15', '2024-01-01', NULL),
  ('gp_xa_gk_tt', 'awt_giay_khen_collective', 'commune', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15; Luật số 72/2025/QH15', '2024-01-01', NULL),
  ('gp_xa_gk_hgd', 'awt_giay_khen_household', 'commune', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15; Luật số 72/2025/QH15', '2024-01-01', NULL),
  ('gp_so_ttldtt', 'awt_tap_the_lao_dong_tien_tien', 'province_department', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_so_cstdcs', 'awt_chien_si_thi_dua_co_so', 'province_department', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_so_ldtt', 'awt_lao_dong_tien_tien', 'province_department', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_so_gk_cn', 'awt_giay_khen_individual', 'province_department', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_so_gk_tt', 'awt_giay_khen_collective', 'province_department', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_tinh_bk_cn', 'awt_bang_khen_individual', 'province', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_tinh_bk_tt', 'awt_bang_khen_collective', 'province', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_tinh_ctd', 'awt_co_thi_dua_tinh', 'province', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_tinh_cstdt', 'awt_chien_si_thi_dua_tinh', 'province', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_tinh_ttldxs', 'awt_tap_the_lao_dong_xuat_sac', 'province', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15', '2024-01-01', NULL),
  ('gp_huyen_ttldtt', 'awt_tap_the_lao_dong_tien_tien', 'district', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15 (cấp huyện, đến 30/6/2025)', '2024-01-01', '2025-06-30'),
  ('gp_huyen_cstdcs', 'awt_chien_si_thi_dua_co_so', 'district', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15 (cấp huyện, đến 30/6/2025)', '2024-01-01', '2025-06-30'),
  ('gp_huyen_ldtt', 'awt_lao_dong_tien_tien', 'district', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15 (cấp huyện, đến 30/6/2025)', '2024-01-01', '2025-06-30'),
  ('gp_huyen_gk_cn', 'awt_giay_khen_individual', 'district', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15 (cấp huyện, đến 30/6/2025)', '2024-01-01', '2025-06-30'),
  ('gp_huyen_gk_tt', 'awt_giay_khen_collective', 'district', 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15 (cấp huyện, đến 30/6/2025)', '2024-01-01', '2025-06-30');
--> statement-breakpoint
INSERT INTO "base_salaries" ("id", "amount", "valid_from", "legal_reference") VALUES
  ('bs_2019', 1490000, '2019-07-01', 'Nghị định số 38/2019/NĐ-CP'),
  ('bs_2023', 1800000, '2023-07-01', 'Nghị định số 24/2023/NĐ-CP'),
  ('bs_2024', 2340000, '2024-07-01', 'Nghị định số 73/2024/NĐ-CP');
--> statement-breakpoint
INSERT INTO "public_holidays" ("day", "name") VALUES
  ('2026-01-01', 'Tết Dương lịch'),
  ('2026-02-16', 'Tết Nguyên đán'),
  ('2026-02-17', 'Tết Nguyên đán'),
  ('2026-02-18', 'Tết Nguyên đán'),
  ('2026-02-19', 'Tết Nguyên đán'),
  ('2026-02-20', 'Tết Nguyên đán'),
  ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
  ('2026-04-30', 'Ngày Giải phóng miền Nam'),
  ('2026-05-01', 'Ngày Quốc tế Lao động'),
  ('2026-09-01', 'Quốc khánh'),
  ('2026-09-02', 'Quốc khánh'),
  ('2027-01-01', 'Tết Dương lịch');

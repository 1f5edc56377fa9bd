CREATE TABLE "campaign_attachments" (
	"campaign_id" text NOT NULL,
	"file_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_attachments_campaign_id_file_id_pk" PRIMARY KEY("campaign_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"authority_unit_id" text NOT NULL,
	"authority_heading" text,
	"place" text,
	"issued_on" date,
	"legal_basis" text DEFAULT '' NOT NULL,
	"purposes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participants_text" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"collective_contents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"individual_contents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"award_provisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"implementation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closing" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"submission_deadline" date NOT NULL,
	"dossier_deadline" date,
	"participant_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participant_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"individuals_take_part" boolean DEFAULT false NOT NULL,
	"signer_on_behalf_of" text,
	"signer_title" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"template_id" text,
	"cloned_from_id" text,
	"created_by" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"finalized_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"code" text NOT NULL,
	"target" text NOT NULL,
	"criterion_group" text NOT NULL,
	"title" text NOT NULL,
	"guidance" text,
	"kind" text NOT NULL,
	"comparator" text,
	"threshold" double precision,
	"derived_source" text,
	"max_score" double precision DEFAULT 10 NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"commitment" text NOT NULL,
	"signed_file_id" text,
	"enrolled_by" text,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"document" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_attachments" ADD CONSTRAINT "campaign_attachments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_templates" ADD CONSTRAINT "campaign_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_attachments_file_idx" ON "campaign_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "campaigns_search_trgm" ON "campaigns" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status","starts_on");--> statement-breakpoint
CREATE INDEX "campaigns_starts_idx" ON "campaigns" USING btree ("starts_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_code_uq" ON "criteria" USING btree ("campaign_id","target","code");--> statement-breakpoint
CREATE INDEX "criteria_campaign_idx" ON "criteria" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_campaign_unit_uq" ON "enrollments" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "enrollments_unit_idx" ON "enrollments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "campaign_templates_created_idx" ON "campaign_templates" USING btree ("created_at");
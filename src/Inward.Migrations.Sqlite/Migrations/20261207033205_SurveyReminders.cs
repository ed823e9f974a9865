using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveyReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitsAnnouncement",
                table: "FeedbackCards",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PanelSurveys",
                columns: table => new
                {
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelSurveys", x => x.SurveyId);
                    table.ForeignKey(
                        name: "FK_PanelSurveys_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyReminderRounds",
                columns: table => new
                {
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reminded = table.Column<int>(type: "INTEGER", nullable: false),
                    Invited = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyReminderRounds", x => new { x.SurveyId, x.Round });
                    table.ForeignKey(
                        name: "FK_SurveyReminderRounds_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyReminders",
                columns: table => new
                {
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Emailed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyReminders", x => new { x.SurveyId, x.EmployeeId, x.Round });
                    table.ForeignKey(
                        name: "FK_SurveyReminders_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyReminders_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyReminders_Emailed",
                table: "SurveyReminders",
                column: "Emailed");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyReminders_EmployeeId",
                table: "SurveyReminders",
                column: "EmployeeId");

            // SQLite's implicit rowid numbers rows in insertion order, which would line an anonymous response (and its answers) up
            // with its participation row. Rebuilt WITHOUT ROWID: rows then sit in primary-key order (a random GUID for
            // responses). Foreign keys are off during the copy so dropping the old tables cascades nothing (docs/adr/0011).
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_SurveyResponses" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_SurveyResponses" PRIMARY KEY,
                    "SurveyId" INTEGER NOT NULL,
                    "DepartmentId" INTEGER NULL,
                    "LocationId" INTEGER NULL,
                    "UserId" TEXT NULL,
                    "EmployeeId" INTEGER NULL,
                    "SubmittedUtc" TEXT NULL,
                    CONSTRAINT "CK_SurveyResponses_NamedFields" CHECK (("UserId" IS NULL AND "EmployeeId" IS NULL AND "SubmittedUtc" IS NULL) OR "UserId" IS NOT NULL),
                    CONSTRAINT "FK_SurveyResponses_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                INSERT INTO "ef_temp_SurveyResponses" SELECT "Id", "SurveyId", "DepartmentId", "LocationId", "UserId", "EmployeeId", "SubmittedUtc" FROM "SurveyResponses" ORDER BY "Id";
                CREATE TABLE "ef_temp_SurveyAnswers" (
                    "ResponseId" TEXT NOT NULL,
                    "QuestionId" INTEGER NOT NULL,
                    "Value" INTEGER NULL,
                    "Choices" TEXT NULL,
                    "Text" TEXT NULL,
                    CONSTRAINT "PK_SurveyAnswers" PRIMARY KEY ("ResponseId", "QuestionId"),
                    CONSTRAINT "FK_SurveyAnswers_SurveyQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "SurveyQuestions" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_SurveyAnswers_SurveyResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "SurveyResponses" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                INSERT INTO "ef_temp_SurveyAnswers" SELECT "ResponseId", "QuestionId", "Value", "Choices", "Text" FROM "SurveyAnswers" ORDER BY "ResponseId", "QuestionId";
                CREATE TABLE "ef_temp_SurveyParticipations" (
                    "SurveyId" INTEGER NOT NULL,
                    "EmployeeId" INTEGER NOT NULL,
                    CONSTRAINT "PK_SurveyParticipations" PRIMARY KEY ("SurveyId", "EmployeeId"),
                    CONSTRAINT "FK_SurveyParticipations_Employees_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "Employees" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_SurveyParticipations_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                INSERT INTO "ef_temp_SurveyParticipations" SELECT "SurveyId", "EmployeeId" FROM "SurveyParticipations" ORDER BY "SurveyId", "EmployeeId";
                DROP TABLE "SurveyAnswers";
                DROP TABLE "SurveyParticipations";
                DROP TABLE "SurveyResponses";
                ALTER TABLE "ef_temp_SurveyResponses" RENAME TO "SurveyResponses";
                ALTER TABLE "ef_temp_SurveyAnswers" RENAME TO "SurveyAnswers";
                ALTER TABLE "ef_temp_SurveyParticipations" RENAME TO "SurveyParticipations";
                CREATE INDEX "IX_SurveyResponses_SurveyId" ON "SurveyResponses" ("SurveyId");
                CREATE INDEX "IX_SurveyAnswers_QuestionId" ON "SurveyAnswers" ("QuestionId");
                CREATE INDEX "IX_SurveyParticipations_EmployeeId" ON "SurveyParticipations" ("EmployeeId");
                """);
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's implicit rowid numbers rows in insertion order, which would line an anonymous response (and its answers) up
            // with its participation row. Rebuilt WITH ROWID: rows then sit in primary-key order (a random GUID for
            // responses). Foreign keys are off during the copy so dropping the old tables cascades nothing (docs/adr/0011).
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_SurveyResponses" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_SurveyResponses" PRIMARY KEY,
                    "SurveyId" INTEGER NOT NULL,
                    "DepartmentId" INTEGER NULL,
                    "LocationId" INTEGER NULL,
                    "UserId" TEXT NULL,
                    "EmployeeId" INTEGER NULL,
                    "SubmittedUtc" TEXT NULL,
                    CONSTRAINT "CK_SurveyResponses_NamedFields" CHECK (("UserId" IS NULL AND "EmployeeId" IS NULL AND "SubmittedUtc" IS NULL) OR "UserId" IS NOT NULL),
                    CONSTRAINT "FK_SurveyResponses_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_SurveyResponses" SELECT "Id", "SurveyId", "DepartmentId", "LocationId", "UserId", "EmployeeId", "SubmittedUtc" FROM "SurveyResponses" ORDER BY "Id";
                CREATE TABLE "ef_temp_SurveyAnswers" (
                    "ResponseId" TEXT NOT NULL,
                    "QuestionId" INTEGER NOT NULL,
                    "Value" INTEGER NULL,
                    "Choices" TEXT NULL,
                    "Text" TEXT NULL,
                    CONSTRAINT "PK_SurveyAnswers" PRIMARY KEY ("ResponseId", "QuestionId"),
                    CONSTRAINT "FK_SurveyAnswers_SurveyQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "SurveyQuestions" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_SurveyAnswers_SurveyResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "SurveyResponses" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_SurveyAnswers" SELECT "ResponseId", "QuestionId", "Value", "Choices", "Text" FROM "SurveyAnswers" ORDER BY "ResponseId", "QuestionId";
                CREATE TABLE "ef_temp_SurveyParticipations" (
                    "SurveyId" INTEGER NOT NULL,
                    "EmployeeId" INTEGER NOT NULL,
                    CONSTRAINT "PK_SurveyParticipations" PRIMARY KEY ("SurveyId", "EmployeeId"),
                    CONSTRAINT "FK_SurveyParticipations_Employees_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "Employees" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_SurveyParticipations_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_SurveyParticipations" SELECT "SurveyId", "EmployeeId" FROM "SurveyParticipations" ORDER BY "SurveyId", "EmployeeId";
                DROP TABLE "SurveyAnswers";
                DROP TABLE "SurveyParticipations";
                DROP TABLE "SurveyResponses";
                ALTER TABLE "ef_temp_SurveyResponses" RENAME TO "SurveyResponses";
                ALTER TABLE "ef_temp_SurveyAnswers" RENAME TO "SurveyAnswers";
                ALTER TABLE "ef_temp_SurveyParticipations" RENAME TO "SurveyParticipations";
                CREATE INDEX "IX_SurveyResponses_SurveyId" ON "SurveyResponses" ("SurveyId");
                CREATE INDEX "IX_SurveyAnswers_QuestionId" ON "SurveyAnswers" ("QuestionId");
                CREATE INDEX "IX_SurveyParticipations_EmployeeId" ON "SurveyParticipations" ("EmployeeId");
                """);
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);

            migrationBuilder.DropTable(
                name: "PanelSurveys");

            migrationBuilder.DropTable(
                name: "SurveyReminderRounds");

            migrationBuilder.DropTable(
                name: "SurveyReminders");

            migrationBuilder.DropColumn(
                name: "AwaitsAnnouncement",
                table: "FeedbackCards");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PanelSurveys",
                columns: table => new
                {
                    SurveyId = table.Column<int>(type: "integer", nullable: false)
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
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reminded = table.Column<int>(type: "integer", nullable: false),
                    Invited = table.Column<int>(type: "integer", nullable: false)
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
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Emailed = table.Column<bool>(type: "boolean", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

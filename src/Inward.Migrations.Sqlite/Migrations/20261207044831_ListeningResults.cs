using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListeningResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TenureBand",
                table: "SurveyResponses",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AboutDepartmentId",
                table: "SurveyQuestions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsExpectation",
                table: "SurveyQuestions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TenureBand",
                table: "SurveyMembers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveySeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StoppedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveySeries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCycles",
                columns: table => new
                {
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCycles", x => x.SurveyId);
                    table.ForeignKey(
                        name: "FK_SurveyCycles_SurveySeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "SurveySeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyCycles_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_AboutDepartmentId",
                table: "SurveyQuestions",
                column: "AboutDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCycles_SeriesId_Number",
                table: "SurveyCycles",
                columns: new[] { "SeriesId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyQuestions_Departments_AboutDepartmentId",
                table: "SurveyQuestions",
                column: "AboutDepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SurveyQuestions_Departments_AboutDepartmentId",
                table: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "SurveyCycles");

            migrationBuilder.DropTable(
                name: "SurveySeries");

            migrationBuilder.DropIndex(
                name: "IX_SurveyQuestions_AboutDepartmentId",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "TenureBand",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "AboutDepartmentId",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "IsExpectation",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "TenureBand",
                table: "SurveyMembers");
        }
    }
}

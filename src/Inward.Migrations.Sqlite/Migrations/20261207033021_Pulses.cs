using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Pulses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_SurveyCycles_SeriesId_Number",
                table: "SurveyCycles",
                columns: new[] { "SeriesId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyCycles");

            migrationBuilder.DropTable(
                name: "SurveySeries");
        }
    }
}

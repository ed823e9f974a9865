using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PulsePolish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnchorUtc",
                table: "SurveySeries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NotBeforeUtc",
                table: "SurveySeries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyServiceLinks",
                columns: table => new
                {
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    FromDepartmentId = table.Column<int>(type: "integer", nullable: false),
                    ToDepartmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyServiceLinks", x => new { x.SurveyId, x.FromDepartmentId, x.ToDepartmentId });
                    table.ForeignKey(
                        name: "FK_SurveyServiceLinks_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyServiceLinks");

            migrationBuilder.DropColumn(
                name: "AnchorUtc",
                table: "SurveySeries");

            migrationBuilder.DropColumn(
                name: "NotBeforeUtc",
                table: "SurveySeries");
        }
    }
}

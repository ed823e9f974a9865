using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnonymousBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Pending",
                table: "SurveyResponses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_Pending",
                table: "SurveyResponses",
                column: "SurveyId",
                filter: "\"Pending\"");

            // Responses written before this migration still share xmin with their participation rows: the first batches
            // re-write them like new ones (docs/adr/0018).
            migrationBuilder.Sql("UPDATE \"SurveyResponses\" SET \"Pending\" = TRUE WHERE \"SurveyId\" IN (SELECT \"Id\" FROM \"Surveys\" WHERE \"IsAnonymous\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_Pending",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "Pending",
                table: "SurveyResponses");
        }
    }
}

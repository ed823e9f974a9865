using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_Pending",
                table: "SurveyResponses",
                column: "SurveyId",
                filter: "\"Pending\"");

            // Anonymous responses written before this migration go through the same batches as new ones (one code path on
            // both providers, docs/adr/0018).
            migrationBuilder.Sql("UPDATE \"SurveyResponses\" SET \"Pending\" = 1 WHERE \"SurveyId\" IN (SELECT \"Id\" FROM \"Surveys\" WHERE \"IsAnonymous\" = 1);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_Pending",
                table: "SurveyResponses");

            // Written by hand: EF would rebuild the table to drop a column, and its rebuild drops WITHOUT ROWID
            // (docs/adr/0011). SQLite 3.35+ drops an unindexed column in place.
            migrationBuilder.Sql("ALTER TABLE \"SurveyResponses\" DROP COLUMN \"Pending\";");
        }
    }
}

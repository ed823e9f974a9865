using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_AboutDepartmentId",
                table: "SurveyQuestions",
                column: "AboutDepartmentId");

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

            migrationBuilder.DropIndex(
                name: "IX_SurveyQuestions_AboutDepartmentId",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "AboutDepartmentId",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "IsExpectation",
                table: "SurveyQuestions");
        }
    }
}

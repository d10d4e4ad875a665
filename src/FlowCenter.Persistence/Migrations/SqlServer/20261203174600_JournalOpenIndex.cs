using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JournalOpenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Journal_CompletedAt_StartedAt",
                table: "Journal");

            migrationBuilder.CreateIndex(
                name: "IX_Journal_Open_StartedAt",
                table: "Journal",
                column: "StartedAt",
                filter: "\"CompletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Journal_Open_StartedAt",
                table: "Journal");

            migrationBuilder.CreateIndex(
                name: "IX_Journal_CompletedAt_StartedAt",
                table: "Journal",
                columns: new[] { "CompletedAt", "StartedAt" });
        }
    }
}

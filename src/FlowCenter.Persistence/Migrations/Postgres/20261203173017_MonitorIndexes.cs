using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonitorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Instances_CompletedAt",
                table: "Instances",
                column: "CompletedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_CompletedAt",
                table: "Instances");
        }
    }
}

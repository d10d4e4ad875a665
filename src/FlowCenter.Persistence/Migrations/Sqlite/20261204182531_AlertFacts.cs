using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Facts",
                table: "Alerts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Facts",
                table: "Alerts");
        }
    }
}

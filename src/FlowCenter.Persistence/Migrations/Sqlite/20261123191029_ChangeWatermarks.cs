using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeWatermarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Watermarks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ClaimFrom = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Watermarks", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Watermarks");
        }
    }
}

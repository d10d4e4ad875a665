using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChildrenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_ParentInstanceId_ParentBookmarkId",
                table: "Instances");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ParentInstanceId_ParentBookmarkId",
                table: "Instances",
                columns: new[] { "ParentInstanceId", "ParentBookmarkId" },
                unique: true,
                filter: "\"ParentInstanceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_ParentInstanceId_ParentBookmarkId",
                table: "Instances");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ParentInstanceId_ParentBookmarkId",
                table: "Instances",
                columns: new[] { "ParentInstanceId", "ParentBookmarkId" },
                unique: true,
                filter: "[ParentInstanceId] IS NOT NULL AND [ParentBookmarkId] IS NOT NULL");
        }
    }
}

using Nooks.Kernel.Memory;
using Nooks.Loader;

namespace Nooks.Extensions
{
    // Where a loaded extension's code and data sit, and its entry points.
    public sealed class ExtensionImage
    {
        public ulong Base;
        public ulong Size;
        public ulong TextStart, TextEnd;
        public ulong Startup, Init, Exit;
        public ulong ReadyToRunHeader;

        public ulong Pages => PageSize.AlignUp(Size) / PageSize.Small;
        public bool IsCode(ulong address) => address >= TextStart && address < TextEnd;
        public bool Contains(ulong address) => address >= Base && address < Base + Size;
    }
}

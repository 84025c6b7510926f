using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    // Work NativeAOT's startup code would do for an image: allocate its GC statics and run its
    // eager class constructors and module initializers. Every image (kernel, extension, user
    // program) runs this once, before any other managed code, on its ReadyToRun header.
    public static unsafe class ImageStartup
    {
        private const uint ReadyToRunSignature = 0x00525452; // "RTR"
        private const int GcStaticRegion = 201;
        private const int EagerClassConstructors = 205;
        private const int ModuleInitializers = 213;
        private const nint StaticUninitialized = 1;
        private const nint StaticHasPreinitializedData = 2;
        private const nint StaticFlagMask = 3;
        private const int ObjectHeaderSize = 8;

        private struct ReadyToRunHeader
        {
            public uint Signature;
            public ushort MajorVersion;
            public ushort MinorVersion;
            public uint Flags;
            public ushort NumberOfSections;
            public byte EntrySize;
            public byte EntryType;
        }

        private struct ModuleInfoRow
        {
            public int SectionId;
            public int Flags;
            public byte* Start;
            public byte* End;
        }

        public static bool IsValidHeader(void* header) =>
            header != null && ((ReadyToRunHeader*)header)->Signature == ReadyToRunSignature;

        // Returns false if the header is not a ReadyToRun header.
        public static bool Run(void* header)
        {
            if (!IsValidHeader(header)) return false;
            ReadyToRunHeader* h = (ReadyToRunHeader*)header;
            // Statics must exist before any class constructor stores into them.
            ForEachSection(h, GcStaticRegion, &InitializeStatics);
            ForEachSection(h, EagerClassConstructors, &RunFunctionPointers);
            ForEachSection(h, ModuleInitializers, &RunFunctionPointers);
            return true;
        }

        private static void ForEachSection(ReadyToRunHeader* h, int id, delegate*<byte*, byte*, void> action)
        {
            ModuleInfoRow* rows = (ModuleInfoRow*)((byte*)h + sizeof(ReadyToRunHeader));
            for (int i = 0; i < h->NumberOfSections; i++)
            {
                ModuleInfoRow* row = (ModuleInfoRow*)((byte*)rows + i * h->EntrySize);
                if (row->SectionId == id) action(row->Start, row->End);
            }
        }

        private static byte* ReadRelative(void* p) => (byte*)p + *(int*)p;

        private static void InitializeStatics(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
            {
                nint* slot = (nint*)ReadRelative(entry);
                nint typeAndFlags = (nint)ReadRelative(slot);
                if ((typeAndFlags & StaticUninitialized) == 0) continue;

                MethodTable* type = (MethodTable*)(typeAndFlags & ~StaticFlagMask);
                object statics = RuntimeExports.RhNewObject(type);
                byte* obj = *(byte**)Unsafe.AsPointer(ref statics);
                if ((typeAndFlags & StaticHasPreinitializedData) != 0)
                {
                    byte* preinit = ReadRelative((int*)slot + 1);
                    uint size = type->BaseSize - ObjectHeaderSize - (uint)sizeof(nint);
                    Buffer.Memmove(ref *(obj + sizeof(nint)), ref *preinit, size);
                }
                *slot = (nint)obj;
            }
        }

        private static void RunFunctionPointers(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
                ((delegate*<void>)ReadRelative(entry))();
        }
    }
}

namespace Internal.Runtime
{
    // The header ILC emits for every type (NativeAOT's MethodTable); only the fields the core
    // library reads are named.
    //
    // Layout (.NET 9 and later, statically compiled types): this fixed part, NumVtableSlots
    // vtable pointers, NumInterfaces interface MethodTable pointers, then optional 32-bit
    // relative pointers in this order: TypeManager indirection, writable data, dispatch map (if
    // HasDispatchMap), finalizer (if HasFinalizer), sealed virtual slot table (if
    // HasSealedVTableEntries), generic definition and composition (if generic), ...
    internal unsafe struct MethodTable
    {
        private const uint HasComponentSizeFlag = 0x80000000;
        private const uint ComponentSizeMask = 0x0000FFFF;
        private const uint KindMask = 0x00030000;
        private const uint ParameterizedKind = 0x00020000;
        private const uint HasDispatchMapFlag = 0x00040000;
        private const uint HasFinalizerFlag = 0x00100000;
        private const uint HasSealedVTableEntriesFlag = 0x00400000;
        private const uint ElementTypeMask = 0x7C000000;
        private const int ElementTypeShift = 26;
        private const uint InterfaceElementType = 0x15;   // EETypeElementType.Interface

        public uint Flags;
        public uint BaseSize;
        public MethodTable* RelatedType;
        public ushort NumVtableSlots;
        public ushort NumInterfaces;
        public uint HashCode;

        public ushort ComponentSize => (Flags & HasComponentSizeFlag) != 0 ? (ushort)(Flags & ComponentSizeMask) : (ushort)0;
        public bool IsParameterized => (Flags & KindMask) == ParameterizedKind;
        public bool IsInterface => ((Flags & ElementTypeMask) >> ElementTypeShift) == InterfaceElementType;
        public bool HasDispatchMap => (Flags & HasDispatchMapFlag) != 0;
        public bool HasFinalizer => (Flags & HasFinalizerFlag) != 0;
        public bool HasSealedVTableEntries => (Flags & HasSealedVTableEntriesFlag) != 0;

        // Canonical types keep their base type in RelatedType; arrays keep their element type.
        public MethodTable* BaseType => IsParameterized ? null : RelatedType;

        public MethodTable** InterfaceMap
        {
            get
            {
                fixed (MethodTable* self = &this)
                    return (MethodTable**)((byte*)self + sizeof(MethodTable) + NumVtableSlots * sizeof(nint));
            }
        }

        public void** Vtable
        {
            get
            {
                fixed (MethodTable* self = &this)
                    return (void**)((byte*)self + sizeof(MethodTable));
            }
        }

        // The first optional relative pointer: the TypeManager indirection, always present.
        private int* OptionalFields => (int*)(InterfaceMap + NumInterfaces);

        private static void* FollowRelative(int* pointer) => (byte*)pointer + *pointer;

        public DispatchMap* DispatchMap
        {
            get
            {
                if (!HasDispatchMap) return null;
                // Skip the TypeManager indirection and the writable data pointer.
                return (DispatchMap*)FollowRelative(OptionalFields + 2);
            }
        }

        // Sealed slots hold methods that are never overridden (final virtuals, sealed classes'
        // interface implementations, default interface methods used by this type). They are
        // numbered after the vtable: dispatch-map slot NumVtableSlots + i is sealed slot i.
        public void* SealedVirtualSlot(int index)
        {
            if (!HasSealedVTableEntries) return null;
            int* field = OptionalFields + 2;
            if (HasDispatchMap) field++;
            if (HasFinalizer) field++;
            int* table = (int*)FollowRelative(field);
            return FollowRelative(table + index);
        }
    }

    // Which method implements each interface slot of a type's interfaces. Standard entries are
    // implementations in the type itself; default entries are default interface methods.
    internal unsafe struct DispatchMap
    {
        public struct Entry
        {
            public ushort InterfaceIndex;
            public ushort InterfaceSlot;
            public ushort ImplementationSlot;
        }

        public ushort StandardEntries;
        public ushort DefaultEntries;
        public ushort StandardStaticEntries;
        public ushort DefaultStaticEntries;

        public Entry* Standard
        {
            get { fixed (DispatchMap* self = &this) return (Entry*)(self + 1); }
        }

        public Entry* Default => Standard + StandardEntries;
    }
}

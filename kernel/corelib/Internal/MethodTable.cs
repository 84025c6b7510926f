namespace Internal.Runtime
{
    // The header ILC emits for every type (NativeAOT's MethodTable); only the fields the core
    // library reads are named.
    internal unsafe struct MethodTable
    {
        private const uint HasComponentSizeFlag = 0x80000000;
        private const uint ComponentSizeMask = 0x0000FFFF;
        private const uint KindMask = 0x00030000;
        private const uint ParameterizedKind = 0x00020000;
        private const uint ElementTypeMask = 0x7C000000;
        private const int ElementTypeShift = 26;
        private const uint InterfaceElementType = 0x1B;

        public uint Flags;
        public uint BaseSize;
        public MethodTable* RelatedType;
        public ushort NumVtableSlots;
        public ushort NumInterfaces;
        public uint HashCode;

        public ushort ComponentSize => (Flags & HasComponentSizeFlag) != 0 ? (ushort)(Flags & ComponentSizeMask) : (ushort)0;
        public bool IsParameterized => (Flags & KindMask) == ParameterizedKind;
        public bool IsInterface => ((Flags & ElementTypeMask) >> ElementTypeShift) == InterfaceElementType;

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
    }
}

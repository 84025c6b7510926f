; Interrupt and exception entry. Every vector arrives on an IST stack (TSS), never on the
; interrupted stack, because NativeAOT code may keep live data in the 128-byte red zone below
; RSP. Exceptions (0-31) are handled on their IST stack. Device interrupts (32-255) move their
; frame onto the interrupted thread's own stack, below its red zone, so that the handler may
; switch threads and a later interrupt reusing the IST stack cannot clobber a suspended frame.
; A thread interrupted inside a protection domain gets its frame on its kernel stack instead,
; below its innermost crossing, never on the domain's stack.
bits 64
section .text

extern interrupt_dispatch
extern domain_active, kernel_cr3, xpc_current_record
global interrupt_stub_table

RED_ZONE          equ 128
FIRST_IRQ_VECTOR  equ 32
GPR_BYTES         equ 15 * 8
FX_STATE_BYTES    equ 512
; Where the domain word lies below a frame's vector word: under the 15 pushed GPRs.
DOMAIN_WORD_BELOW_FRAME equ GPR_BYTES + 8
; Offsets within the frame once vector and error code are pushed.
FRAME_CS          equ 3 * 8

%macro PUSH_GPRS 0
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
%endmacro

%macro POP_GPRS 0
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
%endmacro

; The handlers are C#, which uses xmm registers freely, and the interrupted code may have live
; values in all of them: keep the SSE/x87 state on the stack around the call. rdi holds the
; frame pointer; rsp must be 16-byte aligned (FXSAVE needs it, and so does the call).
%macro SAVE_FX_AND_CALL_DISPATCH 0
    sub rsp, FX_STATE_BYTES
    fxsave64 [rsp]
    call interrupt_dispatch
    fxrstor64 [rsp]
    add rsp, FX_STATE_BYTES
%endmacro

; Vectors whose exception pushes an error code.
%define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

%macro STUB 1
align 16
interrupt_stub_%1:
%if !HAS_ERROR(%1)
    push 0
%endif
    push %1
%if %1 < FIRST_IRQ_VECTOR
    jmp exception_common
%else
    jmp irq_common
%endif
%endmacro

%assign v 0
%rep 256
STUB v
%assign v v + 1
%endrep

; If a protection domain's page tables are live (kernel memory read-only), switch to the
; kernel's before any C# runs, and push the domain's CR3 (0 if none) as the frame's last word.
%macro LEAVE_DOMAIN 0
    cmp byte [rel domain_active], 0
    je %%none
    mov rax, cr3
    push rax
    mov rax, [rel kernel_cr3]
    mov cr3, rax
    mov byte [rel domain_active], 0
    jmp %%done
%%none:
    push 0
%%done:
%endmacro

; Undo LEAVE_DOMAIN: return to the domain's page tables if the frame says so. A CR3 value read
; never has bit 63 set, so this flushes the domain's PCID: the handler may have changed
; translations the domain had cached.
%macro RETURN_TO_DOMAIN 0
    pop rax
    test rax, rax
    jz %%none
    mov byte [rel domain_active], 1
    mov cr3, rax
%%none:
%endmacro

; Stack on entry: vector, error, rip, cs, rflags, rsp, ss.
exception_common:
    cld
    PUSH_GPRS
    LEAVE_DOMAIN
    mov rdi, rsp
    mov rbp, rsp
    and rsp, -16
    SAVE_FX_AND_CALL_DISPATCH
    mov rsp, rbp
    RETURN_TO_DOMAIN
    POP_GPRS
    add rsp, 16
    iretq

irq_common:
    cld
    push rax
    push rbx
    push rcx
    ; [rsp]=rcx, +8 rbx, +16 rax, +24 vector, +32 error, +40 rip, +48 cs, +56 rflags, +64 rsp, +72 ss
    xor ecx, ecx                ; the domain's CR3 if one was live, else 0: the frame's last word
    test qword [rsp + 24 + FRAME_CS], 3
    jz .from_kernel
    mov rax, [rel kernel_stack_for_user_entry]
    jmp .have_target
.from_kernel:
    cmp byte [rel domain_active], 0
    jne .from_domain
    mov rax, [rsp + 64]
    sub rax, RED_ZONE
    jmp .have_target
.from_domain:
    ; The domain's stack is the extension's to write: neither the frame of a thread that may be
    ; switched away here nor the handler goes there. Leave the domain's tables (the kernel stack
    ; is read-only in them) and land below the thread's innermost crossing, as a wrapped call does.
    mov rcx, cr3
    mov rax, [rel kernel_cr3]
    mov cr3, rax
    mov byte [rel domain_active], 0
    mov rax, [rel xpc_current_record]
    mov rax, [rax]              ; XpcRecord.Rsp: the kernel stack where the crossing was made
.have_target:
    ; Frame base F (the vector word) with F = 0 mod 16, so that after 15 GPRs and the domain
    ; word the call is aligned.
    sub rax, 7 * 8
    and rax, -16
    mov [rax - DOMAIN_WORD_BELOW_FRAME], rcx
    mov rbx, [rsp + 24]
    mov [rax], rbx              ; vector
    mov rbx, [rsp + 32]
    mov [rax + 8], rbx          ; error
    mov rbx, [rsp + 40]
    mov [rax + 16], rbx         ; rip
    mov rbx, [rsp + 48]
    mov [rax + 24], rbx         ; cs
    mov rbx, [rsp + 56]
    mov [rax + 32], rbx         ; rflags
    mov rbx, [rsp + 64]
    mov [rax + 40], rbx         ; rsp
    mov rbx, [rsp + 72]
    mov [rax + 48], rbx         ; ss
    pop rcx
    pop rbx
    xchg rax, [rsp]             ; rax restored, [rsp] = target
    pop rsp                     ; now on the target stack at F
    PUSH_GPRS
    sub rsp, 8                  ; the domain word, written above
    mov rdi, rsp
    SAVE_FX_AND_CALL_DISPATCH
    RETURN_TO_DOMAIN
    POP_GPRS
    add rsp, 16
    iretq

section .rodata
align 8
interrupt_stub_table:
%assign v 0
%rep 256
    dq interrupt_stub_ %+ v
%assign v v + 1
%endrep

; Top of the current thread's kernel stack: where interrupts and system calls from ring 3 land.
section .data
global kernel_stack_for_user_entry
kernel_stack_for_user_entry: dq 0

section .text
global k_set_user_entry_stack, k_interrupt_stub_table
k_set_user_entry_stack:
    mov [rel kernel_stack_for_user_entry], rdi
    ret
k_interrupt_stub_table:
    lea rax, [rel interrupt_stub_table]
    ret

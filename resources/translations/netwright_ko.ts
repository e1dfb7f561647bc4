<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty network</source>
        <translation>빈 신경망으로 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a network file</source>
        <translation>신경망 파일을 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>신경망을 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the network to another file</source>
        <translation>신경망을 다른 파일로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>Close Netwright</source>
        <translation>Netwright를 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>마지막 편집을 취소합니다</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the edit just undone</source>
        <translation>방금 취소한 편집을 다시 실행합니다</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>Start training the network</source>
        <translation>신경망 학습을 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시정지(&amp;P)</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>학습을 일시정지합니다</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>한 단계(&amp;T)</translation>
    </message>
    <message>
        <source>Train one batch and stop</source>
        <translation>배치 하나만 학습하고 멈춥니다</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>중지(&amp;O)</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>학습을 중지합니다</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>가중치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>Draw new initial weights (next seed)</source>
        <translation>초기 가중치를 새로 뽑습니다 (다음 시드)</translation>
    </message>
    <message>
        <source>&amp;About Netwright</source>
        <translation>Netwright 정보(&amp;A)</translation>
    </message>
    <message>
        <source>What Netwright is</source>
        <translation>Netwright 소개</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected nodes and wires</source>
        <translation>선택한 노드와 연결을 삭제합니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected nodes and the wires between them</source>
        <translation>선택한 노드와 그 사이의 연결을 복사합니다</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>선택한 노드를 잘라냅니다</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste nodes from the clipboard</source>
        <translation>클립보드의 노드를 붙여넣습니다</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;U)</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes</source>
        <translation>선택한 노드를 복제합니다</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Select every node</source>
        <translation>모든 노드를 선택합니다</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>화면에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole network</source>
        <translation>신경망 전체를 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Auto Layout</source>
        <translation>자동 배치(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange the nodes left to right by depth (undoable)</source>
        <translation>노드를 깊이에 따라 왼쪽에서 오른쪽으로 배치합니다 (실행 취소 가능)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>the clipboard holds {size:,.0f} MB of text, more than a network file may ({limit} MB)</source>
        <translation>클립보드에 텍스트가 {size:,.0f} MB 있어 신경망 파일의 한도({limit} MB)를 넘습니다</translation>
    </message>
    <message>
        <source>the clipboard holds no nodes (copy some on the canvas first)</source>
        <translation>클립보드에 노드가 없습니다 (먼저 캔버스에서 노드를 복사하세요)</translation>
    </message>
    <message>
        <source>the clipboard holds no text (copy nodes on the canvas first)</source>
        <translation>클립보드에 텍스트가 없습니다 (먼저 캔버스에서 노드를 복사하세요)</translation>
    </message>
    <message>
        <source> (and 1 more problem)</source>
        <translation> (문제 1개 더)</translation>
    </message>
    <message>
        <source> (and {n} more problems)</source>
        <translation> (문제 {n}개 더)</translation>
    </message>
    <message>
        <source>drop the wire on a port</source>
        <translation>연결선을 포트에 놓으세요</translation>
    </message>
    <message>
        <source>an output must go to an input port (left side of a card)</source>
        <translation>출력은 입력 포트(카드 왼쪽)로 연결해야 합니다</translation>
    </message>
    <message>
        <source>an input must come from an output port (right side of a card)</source>
        <translation>입력은 출력 포트(카드 오른쪽)에서 와야 합니다</translation>
    </message>
    <message>
        <source>release to wire {src} → {dst}</source>
        <translation>놓으면 {src} → {dst} 연결</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>거부됨: {reason}</translation>
    </message>
    <message>
        <source>stop training before editing the network</source>
        <translation>신경망을 편집하려면 먼저 학습을 중지하세요</translation>
    </message>
    <message>
        <source>Wire refused: {reason}</source>
        <translation>연결 거부: {reason}</translation>
    </message>
    <message>
        <source>Reconnect &apos;{src}&apos; to &apos;{dst}&apos;</source>
        <translation>&apos;{src}&apos;을(를) &apos;{dst}&apos;에 다시 연결</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>문제:</translation>
    </message>
    <message>
        <source>output {shape}</source>
        <translation>출력 {shape}</translation>
    </message>
    <message>
        <source>no parameters</source>
        <translation>파라미터 없음</translation>
    </message>
    <message>
        <source>Drag to an input port to wire this output</source>
        <translation>입력 포트로 끌어 이 출력을 연결하세요</translation>
    </message>
    <message>
        <source>Drag to an output port to wire this input</source>
        <translation>출력 포트로 끌어 이 입력을 연결하세요</translation>
    </message>
    <message>
        <source>{shown} of {total} maps</source>
        <translation>맵 {total}개 중 {shown}개</translation>
    </message>
    <message>
        <source>1 map</source>
        <translation>맵 1개</translation>
    </message>
    <message>
        <source>{n} maps</source>
        <translation>맵 {n}개</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>유닛 1개</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>유닛 {n}개</translation>
    </message>
    <message>
        <source>What each of the {count} has learned: its output over the input plane (x₀ across, x₁ up), values from {low:.3g} to {high:.3g}; full colour means {scale} (red above zero, blue below, white zero).</source>
        <translation>{count} 각각이 배운 것: 입력 평면(x₀ 가로, x₁ 세로) 위의 출력, 값 범위 {low:.3g} ~ {high:.3g}; 가장 진한 색이 {scale}입니다 (빨강은 0보다 큼, 파랑은 0보다 작음, 흰색은 0).</translation>
    </message>
    <message>
        <source>one bar per unit</source>
        <translation>유닛마다 막대 하나</translation>
    </message>
    <message>
        <source>one cell per unit, row by row</source>
        <translation>유닛마다 칸 하나, 행 순서</translation>
    </message>
    <message>
        <source>one square per map</source>
        <translation>맵마다 정사각형 하나</translation>
    </message>
    <message>
        <source>Values from {low:.3g} to {high:.3g}; full colour and a full bar mean {scale} (red above zero, blue below, white zero).</source>
        <translation>값 범위 {low:.3g} ~ {high:.3g}; 가장 진한 색과 가득 찬 막대가 {scale}입니다 (빨강은 0보다 큼, 파랑은 0보다 작음, 흰색은 0).</translation>
    </message>
    <message>
        <source>Values from {low:.3g} to {high:.3g}; full colour means {scale} (red above zero, blue below, white zero).</source>
        <translation>값 범위 {low:.3g} ~ {high:.3g}; 가장 진한 색이 {scale}입니다 (빨강은 0보다 큼, 파랑은 0보다 작음, 흰색은 0).</translation>
    </message>
    <message>
        <source>This node&apos;s output for the chosen sample: {count}, {shown}.</source>
        <translation>선택한 샘플에 대한 이 노드의 출력: {count}, {shown}.</translation>
    </message>
    <message>
        <source>{n} values are not numbers (grey): the run diverged?</source>
        <translation>값 {n}개가 숫자가 아닙니다(회색): 학습이 발산했나요?</translation>
    </message>
    <message>
        <source>1 param</source>
        <translation>파라미터 1개</translation>
    </message>
    <message>
        <source>{number} params</source>
        <translation>파라미터 {number}개</translation>
    </message>
    <message>
        <source>Drag a layer from the palette onto the canvas to start</source>
        <translation>레이어 목록에서 레이어를 캔버스로 끌어다 놓아 시작하세요</translation>
    </message>
    <message>
        <source>Stop training before editing the network</source>
        <translation>신경망을 편집하려면 먼저 학습을 중지하세요</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>잘라내기</translation>
    </message>
    <message>
        <source>Cannot paste: {reason}</source>
        <translation>붙여넣을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add {type} &apos;{id}&apos;</source>
        <translation>{type} &apos;{id}&apos; 추가</translation>
    </message>
    <message>
        <source>1 node</source>
        <translation>노드 1개</translation>
    </message>
    <message>
        <source>{n} nodes</source>
        <translation>노드 {n}개</translation>
    </message>
    <message>
        <source>1 wire</source>
        <translation>연결 1개</translation>
    </message>
    <message>
        <source>{n} wires</source>
        <translation>연결 {n}개</translation>
    </message>
    <message>
        <source>Delete {nodes} and {wires}</source>
        <translation>{nodes}와 {wires} 삭제</translation>
    </message>
    <message>
        <source>Delete {items}</source>
        <translation>{items} 삭제</translation>
    </message>
    <message>
        <source>Delete nothing</source>
        <translation>삭제할 것 없음</translation>
    </message>
    <message>
        <source>Set {name} of &apos;{id}&apos;</source>
        <translation>&apos;{id}&apos;의 {name} 설정</translation>
    </message>
    <message>
        <source>Move 1 node</source>
        <translation>노드 1개 이동</translation>
    </message>
    <message>
        <source>Move {n} nodes</source>
        <translation>노드 {n}개 이동</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>자동 배치</translation>
    </message>
    <message>
        <source>Wire &apos;{src}&apos; -&gt; &apos;{dst}&apos;</source>
        <translation>&apos;{src}&apos; -&gt; &apos;{dst}&apos; 연결</translation>
    </message>
    <message>
        <source>Delete wire &apos;{src}&apos; -&gt; &apos;{dst}&apos;</source>
        <translation>&apos;{src}&apos; -&gt; &apos;{dst}&apos; 연결 삭제</translation>
    </message>
    <message>
        <source>Set {field}</source>
        <translation>{field} 설정</translation>
    </message>
    <message>
        <source>Change training settings</source>
        <translation>학습 설정 변경</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Rename &apos;{old}&apos; to &apos;{new}&apos;</source>
        <translation>&apos;{old}&apos;의 이름을 &apos;{new}&apos;(으)로 변경</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>refuse: say which row and column</source>
        <translation>거부: 어느 행과 열인지 알려 줌</translation>
    </message>
    <message>
        <source>drop the rows that have one</source>
        <translation>빈 칸이 있는 행을 뺌</translation>
    </message>
    <message>
        <source>fill with the column&apos;s mean</source>
        <translation>열의 평균으로 채움</translation>
    </message>
    <message>
        <source>number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <source>auto (decide from the target)</source>
        <translation>자동 (타깃을 보고 결정)</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>Cannot read {path}: {why}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>{name} 가져오기</translation>
    </message>
    <message>
        <source>The first row names the columns</source>
        <translation>첫 행이 열 이름입니다</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>구분자:</translation>
    </message>
    <message>
        <source>Target column:</source>
        <translation>타깃 열:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <source>Missing cells:</source>
        <translation>빈 칸:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; — the first rows, each column with the type found in them:</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — 처음 몇 행과, 각 열에서 찾은 값의 종류:</translation>
    </message>
    <message>
        <source>Text feature columns become one-hot features: {columns}</source>
        <translation>텍스트 특징 열은 원-핫 특징이 됩니다: {columns}</translation>
    </message>
    <message>
        <source>Every feature column holds numbers.</source>
        <translation>모든 특징 열이 숫자입니다.</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>{name} 읽는 중</translation>
    </message>
    <message>
        <source>Stop training before changing the data</source>
        <translation>데이터를 바꾸려면 먼저 학습을 중지하세요</translation>
    </message>
    <message>
        <source>Data: the table {path} ({task}, {n} features; Undo puts the previous data back)</source>
        <translation>데이터: 표 {path} ({task}, 특징 {n}개; 실행 취소하면 이전 데이터로 돌아갑니다)</translation>
    </message>
    <message>
        <source>An empty cell: see &apos;Missing cells&apos; below</source>
        <translation>빈 칸: 아래 &apos;빈 칸&apos; 설정을 보세요</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>space</source>
        <translation>공백</translation>
    </message>
    <message>
        <source>comma ,</source>
        <translation>쉼표 ,</translation>
    </message>
    <message>
        <source>semicolon ;</source>
        <translation>세미콜론 ;</translation>
    </message>
    <message>
        <source>bar |</source>
        <translation>세로 막대 |</translation>
    </message>
    <message>
        <source>Import a CSV file</source>
        <translation>CSV 파일 가져오기</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>표 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>DataDrop</name>
    <message>
        <source>Drop one CSV file or one image folder at a time ({n} items were dropped)</source>
        <translation>CSV 파일 하나나 이미지 폴더 하나만 놓으세요 (항목 {n}개를 놓았습니다)</translation>
    </message>
    <message>
        <source>Only a file on this computer can be dropped, not {url}</source>
        <translation>이 컴퓨터의 파일만 놓을 수 있습니다: {url}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>Data: the image folder {path} ({size} x {size}, grey)</source>
        <translation>데이터: 이미지 폴더 {path} ({size} x {size}, 흑백)</translation>
    </message>
    <message>
        <source>Data: the image folder {path} ({size} x {size}, colour)</source>
        <translation>데이터: 이미지 폴더 {path} ({size} x {size}, 컬러)</translation>
    </message>
    <message>
        <source>Data: the table {path} (target: its last column)</source>
        <translation>데이터: 표 {path} (타깃: 마지막 열)</translation>
    </message>
    <message>
        <source>Not set as the data: {path} does not exist</source>
        <translation>데이터로 설정하지 않았습니다: {path}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{name} is a network, not data: open it with File &gt; Open</source>
        <translation>{name}은(는) 데이터가 아니라 신경망입니다: 파일 &gt; 열기로 여세요</translation>
    </message>
    <message>
        <source>Not set as the data: {name} is neither a CSV file nor a folder of images (one subfolder per class)</source>
        <translation>데이터로 설정하지 않았습니다: {name}은(는) CSV 파일도 이미지 폴더(클래스마다 하위 폴더 하나)도 아닙니다</translation>
    </message>
    <message>
        <source>Stop training before changing the data</source>
        <translation>데이터를 바꾸려면 먼저 학습을 중지하세요</translation>
    </message>
    <message>
        <source>Use the dropped {name} data</source>
        <translation>놓은 {name} 데이터 사용</translation>
    </message>
    <message>
        <source>{message} (Undo puts the previous data back)</source>
        <translation>{message} (실행 취소하면 이전 데이터로 돌아갑니다)</translation>
    </message>
</context>
<context>
    <name>DatasetDownload</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>내려받는 중</translation>
    </message>
    <message>
        <source>{what}: {done:.1f} of {total:.1f} MB</source>
        <translation>{what}: {total:.1f} MB 중 {done:.1f} MB</translation>
    </message>
    <message>
        <source>Downloading {name} once into Netwright&apos;s cache ({folder})</source>
        <translation>{name} 데이터셋을 Netwright 캐시에 한 번 내려받는 중 ({folder})</translation>
    </message>
    <message>
        <source>download of {name} cancelled: nothing was kept. Press Train to download it again.</source>
        <translation>{name} 내려받기를 취소했습니다: 받은 것은 남기지 않았습니다. 학습을 누르면 다시 내려받습니다.</translation>
    </message>
    <message>
        <source>{error} (Browse... next to &apos;folder&apos; in the dataset&apos;s inspector chooses it.)</source>
        <translation>{error} (데이터셋 속성의 &apos;folder&apos; 옆 찾아보기...로 고를 수 있습니다.)</translation>
    </message>
</context>
<context>
    <name>DescriptionPanel</name>
    <message>
        <source>Show or hide what this network shows and what to try</source>
        <translation>이 신경망이 보여 주는 것과 해 볼 것을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>What to try</source>
        <translation>해 볼 것</translation>
    </message>
</context>
<context>
    <name>EngineHelp</name>
    <message>
        <source>150 iris flowers, 4 measurements each, 3 species: the classic first real set.</source>
        <translation>붓꽃 150송이, 송이마다 측정값 4개, 품종 3가지: 처음 다루는 실제 데이터로 유명한 데이터셋입니다.</translation>
    </message>
    <message>
        <source>178 wines from 3 cultivars described by 13 chemical measurements.</source>
        <translation>포도 품종 3가지로 만든 와인 178종을 화학 측정값 13개로 나타냅니다.</translation>
    </message>
    <message>
        <source>1797 handwritten digits as tiny 8x8 grey images ([1, 8, 8], pixels in [0, 1]): small enough to train a CNN in seconds.</source>
        <translation>손글씨 숫자 1797개를 8x8 크기의 작은 흑백 이미지로 담았습니다([1, 8, 8], 픽셀 값은 [0, 1]). CNN을 몇 초 만에 학습할 만큼 작습니다.</translation>
    </message>
    <message>
        <source>1: grey images [1, size, size]; 3: colour (RGB) [3, size, size].</source>
        <translation>1: 흑백 이미지 [1, size, size]; 3: 컬러(RGB) [3, size, size].</translation>
    </message>
    <message>
        <source>442 patients, 10 measurements; predict disease progression one year later (a number).</source>
        <translation>환자 442명, 측정값 10개; 1년 뒤 질병 진행 정도(숫자)를 예측합니다.</translation>
    </message>
    <message>
        <source>569 tumours described by 30 cell measurements: malignant or benign.</source>
        <translation>세포 측정값 30개로 나타낸 종양 569개: 악성인지 양성인지 가립니다.</translation>
    </message>
    <message>
        <source>A ring of one class around a disc of the other: a boundary must curve all the way round.</source>
        <translation>한 클래스가 고리 모양으로 다른 클래스의 원판을 둘러쌉니다: 경계가 한 바퀴 빙 둘러 휘어야 합니다.</translation>
    </message>
    <message>
        <source>A small number added to the variance so we never divide by zero.</source>
        <translation>0으로 나누는 일이 없도록 분산에 더하는 작은 수입니다.</translation>
    </message>
    <message>
        <source>Adagrad: divides each step by all past gradient sizes summed, so often-updated weights slow down over time.</source>
        <translation>Adagrad: 스텝마다 지금까지의 기울기 크기를 모두 더한 값으로 나누므로, 자주 갱신되는 가중치는 시간이 갈수록 느려집니다.</translation>
    </message>
    <message>
        <source>Adam: momentum and an RMSProp-style adaptive step combined; a good default for most networks.</source>
        <translation>Adam: 모멘텀과 RMSProp 방식의 적응형 스텝을 합친 것으로, 대부분의 신경망에 무난한 기본 선택입니다.</translation>
    </message>
    <message>
        <source>AdamW: Adam whose weight decay shrinks the weights directly instead of going through the adaptive step.</source>
        <translation>AdamW: 가중치 감쇠가 적응형 스텝을 거치지 않고 가중치를 직접 줄이는 Adam입니다.</translation>
    </message>
    <message>
        <source>Add a learned offset to every output unit.</source>
        <translation>출력 유닛마다 학습되는 편향을 더합니다.</translation>
    </message>
    <message>
        <source>Adds its inputs element by element (a skip or residual connection). All inputs must have the same shape; the gradient is copied back to each of them.</source>
        <translation>입력들을 원소별로 더합니다(스킵 연결, 잔차 연결). 모든 입력의 형태가 같아야 하며, 기울기는 각 입력에 그대로 복사되어 전달됩니다.</translation>
    </message>
    <message>
        <source>Append sin(x_i) for every input feature (n more features).</source>
        <translation>입력 특징마다 sin(x_i)를 덧붙입니다 (특징 n개 추가).</translation>
    </message>
    <message>
        <source>Append x_i² for every input feature (n more features).</source>
        <translation>입력 특징마다 x_i²를 덧붙입니다 (특징 n개 추가).</translation>
    </message>
    <message>
        <source>Append x_i·x_j for every pair i &lt; j (n(n-1)/2 more features: 1 for two inputs, but 306,936 for 784).</source>
        <translation>i &lt; j인 모든 쌍에 대해 x_i·x_j를 덧붙입니다 (특징 n(n-1)/2개 추가: 입력이 2개면 1개지만 784개면 306,936개).</translation>
    </message>
    <message>
        <source>Averages each window: the image shrinks smoothly.</source>
        <translation>창마다 평균을 냅니다: 이미지가 부드럽게 작아집니다.</translation>
    </message>
    <message>
        <source>Binary cross-entropy for yes/no targets (0 or 1), read through a sigmoid: the probability of the answer 1.</source>
        <translation>예/아니오 타깃(0 또는 1)을 위한 이진 교차 엔트로피입니다. 출력은 시그모이드를 거친 값, 즉 답이 1일 확률로 읽습니다.</translation>
    </message>
    <message>
        <source>Clothes in 10 kinds (shirt, sneaker, bag...) as 28x28 grey images: like MNIST, but harder.</source>
        <translation>옷 10종류(셔츠, 운동화, 가방...)를 28x28 흑백 이미지로 담았습니다: MNIST와 비슷하지만 더 어렵습니다.</translation>
    </message>
    <message>
        <source>Cross-entropy for picking one class out of several: punishes a confident wrong answer hard; takes class indices or one-hot targets.</source>
        <translation>여러 클래스 중 하나를 고르는 교차 엔트로피입니다. 자신 있게 틀린 답에 큰 벌점을 줍니다. 타깃은 클래스 번호나 원-핫 벡터로 받습니다.</translation>
    </message>
    <message>
        <source>Cut the learning rate by a factor every few epochs (PyTorch&apos;s StepLR).</source>
        <translation>몇 에폭마다 학습률을 일정 비율로 줄입니다 (PyTorch의 StepLR).</translation>
    </message>
    <message>
        <source>Divide by the gradient&apos;s variance instead of its mean square (subtracts the mean gradient).</source>
        <translation>기울기의 제곱 평균 대신 분산으로 나눕니다 (기울기 평균을 뺍니다).</translation>
    </message>
    <message>
        <source>Download the files into the cache folder (once) when they are missing there.</source>
        <translation>캐시 폴더에 파일이 없으면 (한 번) 내려받습니다.</translation>
    </message>
    <message>
        <source>Empty cells: refuse (an error naming the row and column), drop (skip rows with an empty cell) or mean (fill a number column with its mean, a text column with a &apos;(missing)&apos; category; the target is never filled).</source>
        <translation>빈 칸 처리: refuse(행과 열을 알려 주는 오류), drop(빈 칸이 있는 행을 건너뜀), mean(숫자 열은 평균으로, 텍스트 열은 &apos;(missing)&apos; 범주로 채움; 타깃은 채우지 않음).</translation>
    </message>
    <message>
        <source>Epochs from the starting rate down to the minimum.</source>
        <translation>처음 학습률에서 최솟값까지 내려가는 데 걸리는 에폭 수입니다.</translation>
    </message>
    <message>
        <source>Examples per gradient step: 1 is pure SGD, the whole set is full-batch descent.</source>
        <translation>기울기 스텝 한 번에 쓰는 샘플 수입니다: 1이면 순수한 SGD, 전체 데이터면 전체 배치 경사 하강법입니다.</translation>
    </message>
    <message>
        <source>Factor the learning rate is multiplied by after every epoch.</source>
        <translation>에폭이 끝날 때마다 학습률에 곱하는 비율입니다.</translation>
    </message>
    <message>
        <source>Factor the learning rate is multiplied by at every cut.</source>
        <translation>줄일 때마다 학습률에 곱하는 비율입니다.</translation>
    </message>
    <message>
        <source>Folder holding train-images-idx3-ubyte(.gz) and train-labels-idx1-ubyte(.gz) (a relative path starts from the network file&apos;s folder); empty = Netwright&apos;s cache folder.</source>
        <translation>train-images-idx3-ubyte(.gz)와 train-labels-idx1-ubyte(.gz)가 있는 폴더입니다 (상대 경로는 신경망 파일의 폴더에서 시작); 비워 두면 Netwright의 캐시 폴더입니다.</translation>
    </message>
    <message>
        <source>Four clusters in the corners of a square: the class is 1 when x1 and x2 have different signs, so no single straight line separates them.</source>
        <translation>정사각형의 네 모서리에 점 무리가 있습니다: x1과 x2의 부호가 다르면 클래스가 1이므로, 직선 하나로는 나눌 수 없습니다.</translation>
    </message>
    <message>
        <source>Fraction of each new gradient left out of the momentum (0 = none).</source>
        <translation>새 기울기 중 모멘텀에 넣지 않는 비율입니다 (0 = 없음).</translation>
    </message>
    <message>
        <source>Fraction of inputs set to zero while training.</source>
        <translation>학습 중에 0으로 만드는 입력의 비율입니다.</translation>
    </message>
    <message>
        <source>Fraction of points moved far off the curve (2 to 4 units up or down).</source>
        <translation>곡선에서 멀리(위나 아래로 2~4만큼) 옮기는 점의 비율입니다.</translation>
    </message>
    <message>
        <source>Fraction of points moved far off the formula (2 to 4 units up or down).</source>
        <translation>수식에서 멀리(위나 아래로 2~4만큼) 옮기는 점의 비율입니다.</translation>
    </message>
    <message>
        <source>Fraction of the examples held out to measure how well the network generalises.</source>
        <translation>신경망이 얼마나 잘 일반화하는지 재려고 따로 떼어 두는 샘플의 비율입니다.</translation>
    </message>
    <message>
        <source>Fraction of the previous step carried into the next, like a ball rolling downhill (0 = none).</source>
        <translation>언덕을 굴러 내려가는 공처럼 이전 스텝을 다음 스텝으로 이어 가는 비율입니다 (0 = 없음).</translation>
    </message>
    <message>
        <source>Fully connected layer: y = x W^T + b, every input wired to every unit.</source>
        <translation>완전 연결 레이어: y = x W^T + b, 모든 입력이 모든 유닛에 연결됩니다.</translation>
    </message>
    <message>
        <source>Glide the learning rate down along half a cosine wave to a minimum after t_max epochs, then back up (PyTorch&apos;s CosineAnnealingLR).</source>
        <translation>학습률을 코사인 반주기를 따라 t_max 에폭 동안 최솟값까지 부드럽게 낮췄다가 다시 올립니다 (PyTorch의 CosineAnnealingLR).</translation>
    </message>
    <message>
        <source>Grey images of simple shapes (circle, square, triangle, cross, ring, stripes) at random positions, sizes and angles; &apos;classes&apos; takes the first few of that list.</source>
        <translation>간단한 도형(원, 정사각형, 삼각형, 십자, 고리, 줄무늬)을 임의의 위치, 크기, 각도로 그린 흑백 이미지입니다; &apos;classes&apos;는 이 목록의 앞에서부터 고릅니다.</translation>
    </message>
    <message>
        <source>Handwritten digits 0-9 as 28x28 grey images ([1, 28, 28]): a random subset of the 60,000 training images, downloaded once.</source>
        <translation>손글씨 숫자 0-9를 28x28 흑백 이미지로 담았습니다([1, 28, 28]): 학습 이미지 60,000개 중 임의로 고른 일부이며, 한 번만 내려받습니다.</translation>
    </message>
    <message>
        <source>How fast the running mean and variance follow each new batch (0.1: each batch counts for 10%).</source>
        <translation>이동 평균과 분산이 새 배치를 얼마나 빨리 따라가는지입니다 (0.1: 배치마다 10%만큼 반영).</translation>
    </message>
    <message>
        <source>How many examples to make (before the validation split).</source>
        <translation>만들 샘플 수입니다 (검증 데이터로 나누기 전).</translation>
    </message>
    <message>
        <source>How many shape kinds to use, taken in the order circle, square, triangle, cross, ring, stripes.</source>
        <translation>쓸 도형 종류의 수로, 원, 정사각형, 삼각형, 십자, 고리, 줄무늬 순서로 고릅니다.</translation>
    </message>
    <message>
        <source>How many times training walks through the whole training set.</source>
        <translation>학습이 학습 데이터 전체를 몇 번 훑는지입니다.</translation>
    </message>
    <message>
        <source>How slowly the running average of gradients (momentum) forgets the past (closer to 1 = longer memory).</source>
        <translation>기울기의 이동 평균(모멘텀)이 과거를 얼마나 천천히 잊는지입니다 (1에 가까울수록 오래 기억).</translation>
    </message>
    <message>
        <source>How slowly the running average of squared gradients forgets the past (closer to 1 = longer memory).</source>
        <translation>기울기 제곱의 이동 평균이 과거를 얼마나 천천히 잊는지입니다 (1에 가까울수록 오래 기억).</translation>
    </message>
    <message>
        <source>How slowly the running average of squared gradients forgets the past.</source>
        <translation>기울기 제곱의 이동 평균이 과거를 얼마나 천천히 잊는지입니다.</translation>
    </message>
    <message>
        <source>How the filters are drawn before training (he suits ReLU); sobel sets hand-made edge detectors (x, y and both diagonals in turn; 3x3 only, best left frozen).</source>
        <translation>학습 전에 필터를 어떻게 뽑을지 정합니다 (he는 ReLU에 알맞음); sobel은 직접 만든 경계 검출기를 넣습니다 (x, y, 두 대각선 순서; 3x3만 가능하며 고정해 두는 것이 좋음).</translation>
    </message>
    <message>
        <source>How the weights are drawn before training (he suits ReLU, xavier suits tanh/sigmoid).</source>
        <translation>학습 전에 가중치를 어떻게 뽑을지 정합니다 (he는 ReLU, xavier는 tanh/sigmoid에 알맞음).</translation>
    </message>
    <message>
        <source>Interleaved spiral arms, one per class (2 by default): a hard set that needs several hidden units to untangle.</source>
        <translation>클래스마다 하나씩 서로 엇갈린 나선 팔입니다(기본 2개): 풀려면 은닉 유닛이 여럿 필요한 어려운 데이터입니다.</translation>
    </message>
    <message>
        <source>Joins its inputs side by side along the first axis: features for vectors, channels for images (as torch.cat on dim 1). The other axes (height and width) must match.</source>
        <translation>입력들을 첫 번째 축을 따라 나란히 잇습니다: 벡터는 특징, 이미지는 채널 방향입니다 (torch.cat의 dim 1과 같음). 나머지 축(높이와 너비)은 같아야 합니다.</translation>
    </message>
    <message>
        <source>Keep the learning rate constant.</source>
        <translation>학습률을 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>Keeps its input x and appends hand-made features of it, as chosen: the squares x_i², the products x_i·x_j of every pair, the sines sin(x_i). A single Dense unit after the squares can draw a circle, which it cannot on x alone: hand-made features instead of a learned hidden layer. No weights.</source>
        <translation>입력 x를 그대로 두고, 고른 대로 직접 만든 특징을 덧붙입니다: 제곱 x_i², 모든 쌍의 곱 x_i·x_j, 사인 sin(x_i). 제곱 뒤에 Dense 유닛 하나만 있어도 원을 그릴 수 있는데, x만으로는 불가능합니다: 학습되는 은닉층 대신 직접 만든 특징입니다. 가중치는 없습니다.</translation>
    </message>
    <message>
        <source>Keeps positive numbers and sets negative ones to 0 (output 0 or more). Its gradient is 1 for every positive input, so it does not vanish in deep networks; it is 0 for negative inputs (and taken as 0 at exactly 0, as PyTorch).</source>
        <translation>양수는 그대로 두고 음수는 0으로 만듭니다(출력은 0 이상). 양수 입력에서는 기울기가 1이라 깊은 신경망에서도 사라지지 않고, 음수 입력에서는 0입니다 (정확히 0일 때도 PyTorch처럼 0으로 봅니다).</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window: the image shrinks and small shifts of a pattern no longer matter.</source>
        <translation>창마다 가장 큰 값만 남깁니다: 이미지가 작아지고, 패턴이 조금 움직여도 상관없게 됩니다.</translation>
    </message>
    <message>
        <source>L1 penalty: adds l1 × Σ|w| over the weights (Dense and Conv2D kernels; not biases nor BatchNorm&apos;s scale and shift) to what the optimizer minimises; its gradient l1 × sign(w) pushes small weights to exactly 0. Zero turns it off.</source>
        <translation>L1 페널티: 옵티마이저가 최소화하는 값에 가중치(Dense와 Conv2D 커널; 편향과 BatchNorm의 스케일, 시프트는 제외)의 l1 × Σ|w|를 더합니다. 기울기 l1 × sign(w)가 작은 가중치를 정확히 0으로 밀어냅니다. 0이면 꺼집니다.</translation>
    </message>
    <message>
        <source>L2 penalty: adds l2 × Σw² over the same weights; its gradient 2 × l2 × w shrinks every weight in proportion. Not SGD&apos;s weight_decay, which adds weight_decay × w: l2 = weight_decay / 2 gives the same step. Zero turns it off.</source>
        <translation>L2 페널티: 같은 가중치의 l2 × Σw²를 더합니다. 기울기 2 × l2 × w가 모든 가중치를 크기에 비례해 줄입니다. weight_decay × w를 더하는 SGD의 weight_decay와는 다르며, l2 = weight_decay / 2이면 같은 스텝이 됩니다. 0이면 꺼집니다.</translation>
    </message>
    <message>
        <source>Largest value of each input (above low).</source>
        <translation>각 입력의 최댓값입니다 (low보다 커야 함).</translation>
    </message>
    <message>
        <source>Learning rate: how big a step each update takes against the gradient.</source>
        <translation>학습률: 갱신할 때마다 기울기 반대 방향으로 얼마나 크게 움직이는지입니다.</translation>
    </message>
    <message>
        <source>Like ReLU for positive inputs; negative inputs curve smoothly down to -alpha, so outputs range from -alpha upwards. The gradient fades to 0 only for very negative inputs.</source>
        <translation>양수 입력에서는 ReLU와 같고, 음수 입력은 -alpha까지 부드럽게 휘어 내려가므로 출력은 -alpha 이상입니다. 기울기는 아주 작은 음수 입력에서만 0에 가까워집니다.</translation>
    </message>
    <message>
        <source>Like ReLU, but negative inputs are multiplied by a small slope instead of set to 0, so outputs can be any number and the gradient never vanishes completely: a unit whose inputs are all negative can still recover.</source>
        <translation>ReLU와 비슷하지만 음수 입력을 0으로 만드는 대신 작은 기울기를 곱합니다. 그래서 출력은 어떤 수든 될 수 있고 기울기가 완전히 사라지지 않습니다: 입력이 모두 음수인 유닛도 다시 살아날 수 있습니다.</translation>
    </message>
    <message>
        <source>Look ahead: take the gradient step from where momentum is about to carry you (needs momentum).</source>
        <translation>미리 보기: 모멘텀이 곧 데려갈 위치에서 기울기 스텝을 밟습니다 (모멘텀이 있어야 함).</translation>
    </message>
    <message>
        <source>Mean absolute error: robust to outliers since every error counts by its size only, but it has a kink at 0 where the gradient jumps.</source>
        <translation>평균 절대 오차: 오차를 크기만큼만 세므로 이상치에 강하지만, 0에서 꺾여 기울기가 갑자기 바뀝니다.</translation>
    </message>
    <message>
        <source>Mean squared error: smooth and easy to optimise, but one far-off point (an outlier) pulls hard because errors are squared.</source>
        <translation>평균 제곱 오차: 매끄럽고 최적화하기 쉽지만, 오차를 제곱하므로 멀리 떨어진 점(이상치) 하나가 세게 끌어당깁니다.</translation>
    </message>
    <message>
        <source>Name of the column to predict; empty = the last column.</source>
        <translation>예측할 열의 이름입니다; 비워 두면 마지막 열입니다.</translation>
    </message>
    <message>
        <source>Number of classes.</source>
        <translation>클래스 수입니다.</translation>
    </message>
    <message>
        <source>Number of epochs between two cuts.</source>
        <translation>학습률을 줄이는 간격(에폭 수)입니다.</translation>
    </message>
    <message>
        <source>Number of filters: each one learns a pattern and makes one output channel (feature map).</source>
        <translation>필터 수: 필터마다 패턴 하나를 배우고 출력 채널(특징 맵) 하나를 만듭니다.</translation>
    </message>
    <message>
        <source>Number of output units (neurons).</source>
        <translation>출력 유닛(뉴런) 수입니다.</translation>
    </message>
    <message>
        <source>Points on a formula you type, such as sin(3*x) + 0.3*x or x1*x2 (the inputs are the names it uses), with noise; &apos;outliers&apos; throws a fraction far off it.</source>
        <translation>입력한 수식(예: sin(3*x) + 0.3*x, x1*x2) 위의 점에 노이즈를 더합니다 (입력은 수식에 쓴 이름들); &apos;outliers&apos;는 일부를 수식에서 멀리 보냅니다.</translation>
    </message>
    <message>
        <source>Points on y = sin(x) for x in [-3, 3] with noise; &apos;outliers&apos; throws a fraction of them far off the curve (compare MSE and MAE).</source>
        <translation>x가 [-3, 3]일 때 y = sin(x) 위의 점에 노이즈를 더합니다; &apos;outliers&apos;는 일부를 곡선에서 멀리 보냅니다 (MSE와 MAE를 비교해 보세요).</translation>
    </message>
    <message>
        <source>Pulls every weight a little towards 0 at each step (L2 penalty), which discourages large weights.</source>
        <translation>스텝마다 모든 가중치를 0 쪽으로 조금씩 당겨(L2 페널티) 큰 가중치를 억제합니다.</translation>
    </message>
    <message>
        <source>RMSProp: divides each step by a running average of recent gradient sizes, so every weight gets its own adaptive step.</source>
        <translation>RMSProp: 스텝마다 최근 기울기 크기의 이동 평균으로 나누므로, 가중치마다 자기만의 적응형 스텝을 갖습니다.</translation>
    </message>
    <message>
        <source>Randomly zeroes a fraction of its inputs while training (scaling the rest up) so the network cannot rely on any single unit; does nothing at test time.</source>
        <translation>학습 중에 입력의 일부를 무작위로 0으로 만들고(나머지는 키움) 신경망이 어느 한 유닛에만 기대지 못하게 합니다. 테스트할 때는 아무것도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Rescales each feature (or each image channel) to mean 0 and variance 1 over the batch, then applies a learned scale (weight) and shift (bias). It keeps activations in a good range, so deeper networks train faster; at test time it uses running averages collected during training.</source>
        <translation>배치에서 특징(또는 이미지 채널)마다 평균 0, 분산 1로 맞춘 뒤, 학습되는 스케일(weight)과 시프트(bias)를 적용합니다. 활성화 값을 알맞은 범위에 두어 깊은 신경망이 더 빨리 학습됩니다. 테스트할 때는 학습 중에 모은 이동 평균을 씁니다.</translation>
    </message>
    <message>
        <source>Root mean squared error: the square root of MSE, so it is in the same unit as the target y and easy to read.</source>
        <translation>평균 제곱근 오차: MSE의 제곱근이라 타깃 y와 단위가 같아 읽기 쉽습니다.</translation>
    </message>
    <message>
        <source>Round blobs of points, one per class, around centres on a circle: more noise makes the blobs overlap.</source>
        <translation>원 위의 중심 주변에 클래스마다 하나씩 둥근 점 무리가 있습니다: 노이즈가 클수록 무리가 겹칩니다.</translation>
    </message>
    <message>
        <source>Seeds the initial weights, the data and the shuffling: same seed, same run.</source>
        <translation>초기 가중치, 데이터, 섞는 순서를 정하는 시드입니다: 시드가 같으면 실행도 같습니다.</translation>
    </message>
    <message>
        <source>Shape of one example without the batch axis: [features] for tables, [channels, height, width] for images.</source>
        <translation>배치 축을 뺀 샘플 하나의 형태입니다: 표는 [특징 수], 이미지는 [채널, 높이, 너비].</translation>
    </message>
    <message>
        <source>Shrink the learning rate by the same factor after every epoch (PyTorch&apos;s ExponentialLR).</source>
        <translation>에폭이 끝날 때마다 학습률을 같은 비율로 줄입니다 (PyTorch의 ExponentialLR).</translation>
    </message>
    <message>
        <source>Shrinks the learning rate as lr / (1 + steps x lr_decay).</source>
        <translation>학습률을 lr / (1 + steps x lr_decay)로 줄입니다.</translation>
    </message>
    <message>
        <source>Slides small learned filters over the image; each filter responds to one local pattern (an edge, a blob) wherever it appears.</source>
        <translation>학습되는 작은 필터를 이미지 위로 밀며 훑습니다. 필터마다 국소 패턴 하나(경계, 얼룩)에 어디서 나타나든 반응합니다.</translation>
    </message>
    <message>
        <source>Slope used for negative inputs (0 makes it a plain ReLU).</source>
        <translation>음수 입력에 쓰는 기울기입니다 (0이면 보통의 ReLU).</translation>
    </message>
    <message>
        <source>Smallest value of each input.</source>
        <translation>각 입력의 최솟값입니다.</translation>
    </message>
    <message>
        <source>Squashes any number into the range -1 to 1, centred on 0. Steeper than sigmoid (slope 1 at 0) but its gradient also vanishes for large inputs.</source>
        <translation>어떤 수든 0을 중심으로 -1에서 1 사이로 눌러 담습니다. 시그모이드보다 가파르지만(0에서 기울기 1), 입력이 크면 역시 기울기가 사라집니다.</translation>
    </message>
    <message>
        <source>Squashes any number into the range 0 to 1 (a probability). Its slope is at most 0.25 and nearly 0 for large positive or negative inputs, so gradients vanish when it saturates or when many are stacked.</source>
        <translation>어떤 수든 0에서 1 사이(확률)로 눌러 담습니다. 기울기는 최대 0.25이고 아주 큰 양수나 음수 입력에서는 거의 0이라, 포화되거나 여러 층을 쌓으면 기울기가 사라집니다.</translation>
    </message>
    <message>
        <source>Standard deviation of the random error added to every y: the scatter around the curve.</source>
        <translation>모든 y에 더하는 무작위 오차의 표준편차입니다: 곡선 주변으로 퍼진 정도.</translation>
    </message>
    <message>
        <source>Standard deviation of the random error added to every y: the scatter around the formula.</source>
        <translation>모든 y에 더하는 무작위 오차의 표준편차입니다: 수식 주변으로 퍼진 정도.</translation>
    </message>
    <message>
        <source>Standard deviation of the random jitter added to every point: more noise, more overlap between classes.</source>
        <translation>모든 점에 더하는 무작위 흔들림의 표준편차입니다: 노이즈가 클수록 클래스끼리 더 겹칩니다.</translation>
    </message>
    <message>
        <source>Standard deviation of the random pixel noise (pixels are 0 to 1).</source>
        <translation>무작위 픽셀 노이즈의 표준편차입니다 (픽셀 값은 0에서 1).</translation>
    </message>
    <message>
        <source>Standardise the target with training statistics (values near 0 are easier to learn); untick to keep its natural units (about 25 to 346).</source>
        <translation>학습 데이터의 통계로 타깃을 표준화합니다 (0 근처 값이 학습하기 쉬움); 체크를 풀면 원래 단위(약 25~346)를 유지합니다.</translation>
    </message>
    <message>
        <source>Starting value of the sum of squared gradients.</source>
        <translation>기울기 제곱 합의 초깃값입니다.</translation>
    </message>
    <message>
        <source>Step between two filter positions; 2 halves the image size.</source>
        <translation>필터 위치 사이의 간격입니다; 2면 이미지 크기가 절반이 됩니다.</translation>
    </message>
    <message>
        <source>Step between two windows; equal to pool_size, windows do not overlap and the image shrinks by that factor.</source>
        <translation>창 사이의 간격입니다; pool_size와 같으면 창이 겹치지 않고 이미지가 그 배수만큼 작아집니다.</translation>
    </message>
    <message>
        <source>Stochastic gradient descent: step against the gradient, optionally with momentum to roll through small bumps.</source>
        <translation>확률적 경사 하강법: 기울기 반대 방향으로 움직이며, 모멘텀을 더하면 작은 요철을 굴러 넘어갑니다.</translation>
    </message>
    <message>
        <source>The CSV file, at most 64 MiB (a relative path starts from the network file&apos;s folder).</source>
        <translation>CSV 파일이며 최대 64 MiB입니다 (상대 경로는 신경망 파일의 폴더에서 시작).</translation>
    </message>
    <message>
        <source>The first row names the columns; off: the columns are called &apos;column 1&apos;, &apos;column 2&apos;, ... and the first row is data.</source>
        <translation>첫 행이 열 이름입니다; 끄면 열 이름은 &apos;column 1&apos;, &apos;column 2&apos;, ...이 되고 첫 행도 데이터입니다.</translation>
    </message>
    <message>
        <source>The folder holding one subfolder per class (a relative path starts from the network file&apos;s folder). A file in a class folder that is not a PNG, JPEG or BMP image is refused with its name (hidden files are ignored).</source>
        <translation>클래스마다 하위 폴더가 하나씩 있는 폴더입니다 (상대 경로는 신경망 파일의 폴더에서 시작). 클래스 폴더 안에 PNG, JPEG, BMP 이미지가 아닌 파일이 있으면 그 이름과 함께 거부합니다 (숨김 파일은 무시).</translation>
    </message>
    <message>
        <source>The formula of y: numbers, inputs such as x or x1, x2 (at most 4), + - * / ** ( ), the functions sin cos tan exp log sqrt abs tanh sinh cosh arcsin arccos arctan sigmoid relu sign floor round, and pi, e. At most 200 characters.</source>
        <translation>y의 수식: 숫자, x나 x1, x2 같은 입력(최대 4개), + - * / ** ( ), 함수 sin cos tan exp log sqrt abs tanh sinh cosh arcsin arccos arctan sigmoid relu sign floor round, 그리고 pi, e를 쓸 수 있습니다. 최대 200자.</translation>
    </message>
    <message>
        <source>The smallest learning rate, reached at epoch t_max.</source>
        <translation>에폭 t_max에서 도달하는 가장 작은 학습률입니다.</translation>
    </message>
    <message>
        <source>The value that very negative inputs approach (as -alpha).</source>
        <translation>아주 작은 음수 입력이 다가가는 값(-alpha)입니다.</translation>
    </message>
    <message>
        <source>Tiny number added to the denominator so a near-zero gradient average never divides by zero.</source>
        <translation>기울기 평균이 0에 가까워도 0으로 나누지 않도록 분모에 더하는 아주 작은 수입니다.</translation>
    </message>
    <message>
        <source>Turns a vector of scores into probabilities: every output is between 0 and 1 and they sum to 1 (over the features, or over the channels of each pixel for images). Usually the last layer of a classifier, paired with cross-entropy.</source>
        <translation>점수 벡터를 확률로 바꿉니다: 출력은 모두 0과 1 사이이고 합이 1입니다 (특징에 대해, 이미지는 픽셀마다 채널에 대해). 보통 분류기의 마지막 레이어이며 교차 엔트로피와 함께 씁니다.</translation>
    </message>
    <message>
        <source>Two interleaving half circles: almost separable, but only by a curved boundary.</source>
        <translation>서로 맞물린 반원 두 개입니다: 거의 나눌 수 있지만 곡선 경계로만 가능합니다.</translation>
    </message>
    <message>
        <source>Unrolls an image [C, H, W] into one vector of C*H*W features (channel-major, as PyTorch), so that Dense layers can follow.</source>
        <translation>이미지 [C, H, W]를 특징 C*H*W개짜리 벡터 하나로 펼쳐(PyTorch처럼 채널 우선) 뒤에 Dense 레이어를 둘 수 있게 합니다.</translation>
    </message>
    <message>
        <source>Untick to freeze this layer&apos;s weights: they keep their initial values.</source>
        <translation>체크를 풀면 이 레이어의 가중치를 고정합니다: 초깃값을 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>Use the largest squared-gradient average seen so far, so the step size can only shrink (AMSGrad variant).</source>
        <translation>지금까지 본 기울기 제곱 평균 중 가장 큰 값을 써서 스텝 크기가 줄어들기만 하게 합니다 (AMSGrad 변형).</translation>
    </message>
    <message>
        <source>What separates the cells; auto guesses from the file&apos;s first lines (csv.Sniffer).</source>
        <translation>칸을 나누는 문자입니다; auto는 파일의 처음 몇 줄을 보고 추측합니다 (csv.Sniffer).</translation>
    </message>
    <message>
        <source>What to predict: classes or numbers; auto decides from the target column (text or few whole numbers -&gt; classification).</source>
        <translation>무엇을 예측할지: 클래스 또는 숫자; auto는 타깃 열을 보고 정합니다 (텍스트나 몇 안 되는 정수 -&gt; 분류).</translation>
    </message>
    <message>
        <source>Where the data enters the network; its shape excludes the batch axis.</source>
        <translation>데이터가 신경망에 들어오는 곳입니다; 형태에 배치 축은 들어가지 않습니다.</translation>
    </message>
    <message>
        <source>Where the outliers go: both (up or down at random, so their pulls partly cancel), or all up, or all down (a one-sided pull, which MSE follows and MAE resists).</source>
        <translation>이상치를 보낼 방향: both(무작위로 위나 아래, 끌어당기는 힘이 일부 상쇄됨), 모두 위, 모두 아래(한쪽으로 끌어당김: MSE는 따라가고 MAE는 버팁니다).</translation>
    </message>
    <message>
        <source>Width and height of each filter, in pixels.</source>
        <translation>필터의 너비와 높이(픽셀)입니다.</translation>
    </message>
    <message>
        <source>Width and height of each image in pixels.</source>
        <translation>이미지의 너비와 높이(픽셀)입니다.</translation>
    </message>
    <message>
        <source>Width and height of the window summarised into one output pixel.</source>
        <translation>출력 픽셀 하나로 요약되는 창의 너비와 높이입니다.</translation>
    </message>
    <message>
        <source>Width and height the images are resized to, in pixels.</source>
        <translation>이미지를 맞출 너비와 높이(픽셀)입니다.</translation>
    </message>
    <message>
        <source>Your own images: a folder with one subfolder per class (its name is the class) of PNG, JPEG or BMP files, resized to size x size.</source>
        <translation>내 이미지: 클래스마다 하위 폴더(폴더 이름이 클래스)가 있고 PNG, JPEG, BMP 파일이 든 폴더이며, size x size로 크기를 맞춥니다.</translation>
    </message>
    <message>
        <source>Your own table: a CSV file of feature columns and one target column (text targets become classes, text features one-hot columns).</source>
        <translation>내 표: 특징 열들과 타깃 열 하나로 된 CSV 파일입니다 (텍스트 타깃은 클래스가 되고, 텍스트 특징은 원-핫 열이 됩니다).</translation>
    </message>
    <message>
        <source>Zero border added around the image: &quot;same&quot; keeps the size (at stride 1), &quot;valid&quot; adds none, a number adds that many pixels.</source>
        <translation>이미지 둘레에 더하는 0 테두리입니다: &quot;same&quot;은 크기를 유지하고(스트라이드 1일 때), &quot;valid&quot;는 더하지 않으며, 숫자는 그만큼 픽셀을 더합니다.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>PyTorch project</source>
        <translation>PyTorch 프로젝트</translation>
    </message>
    <message>
        <source>A folder with model.py, weights.pt, data.npz, train.py (one process or torchrun) and README.md; it needs only torch and numpy.</source>
        <translation>model.py, weights.pt, data.npz, train.py(프로세스 하나 또는 torchrun), README.md가 든 폴더입니다. torch와 numpy만 있으면 됩니다.</translation>
    </message>
    <message>
        <source>ONNX model</source>
        <translation>ONNX 모델</translation>
    </message>
    <message>
        <source>One .onnx file (opset 17): input &apos;input&apos; with any batch size, output &apos;output&apos;.</source>
        <translation>.onnx 파일 하나(opset 17): 입력 &apos;input&apos;(배치 크기 자유), 출력 &apos;output&apos;.</translation>
    </message>
    <message>
        <source>the current run&apos;s weights at step {step:,} ({epochs} of {total} epochs done)</source>
        <translation>현재 실행의 스텝 {step:,} 가중치 ({total} 에폭 중 {epochs} 에폭 완료)</translation>
    </message>
    <message>
        <source>the current run&apos;s initial weights (step 0)</source>
        <translation>현재 실행의 초기 가중치 (스텝 0)</translation>
    </message>
    <message>
        <source>the seeded initial weights (seed {seed}): {why}</source>
        <translation>시드로 만든 초기 가중치 (시드 {seed}): {why}</translation>
    </message>
    <message>
        <source>no run has trained it yet</source>
        <translation>아직 학습한 실행이 없습니다</translation>
    </message>
    <message>
        <source>the network changed after the last run</source>
        <translation>마지막 실행 뒤에 신경망이 바뀌었습니다</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>Export the network as a {title}: {what}</source>
        <translation>신경망을 {title}(으)로 내보냅니다: {what}</translation>
    </message>
    <message>
        <source>{title} exported</source>
        <translation>{title} 내보내기 완료</translation>
    </message>
    <message>
        <source>{line}

Weights: {note}.</source>
        <translation>{line}

가중치: {note}.</translation>
    </message>
    <message>
        <source>Cannot export the {title}</source>
        <translation>{title}(으)로 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>{title} 내보내기</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights:&lt;/b&gt; {note}.</source>
        <translation>&lt;b&gt;가중치:&lt;/b&gt; {note}.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>폴더:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>New folder for the project</source>
        <translation>프로젝트를 담을 새 폴더</translation>
    </message>
    <message>
        <source>Folder (*)</source>
        <translation>폴더 (*)</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Netwright networks (*.nw.json);;JSON files (*.json);;All files (*)</source>
        <translation>Netwright 신경망 (*.nw.json);;JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open {name}</source>
        <translation>{name}을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>{path}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Opened the example {name}</source>
        <translation>예제 {name}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>신경망 열기</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>{path} no longer exists; it was removed from the recent files.</source>
        <translation>{path}이(가) 더 이상 없어 최근 파일 목록에서 뺐습니다.</translation>
    </message>
    <message>
        <source>Save network as</source>
        <translation>신경망을 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Keep the data paths from the new folder</source>
        <translation>새 폴더 기준으로 데이터 경로 유지</translation>
    </message>
    <message>
        <source>{path} is read-only, so it was not changed.

Save the network under another name with Save As, or make the file writable and save again.</source>
        <translation>{path}은(는) 읽기 전용이라 바꾸지 않았습니다.

다른 이름으로 저장으로 다른 파일에 저장하거나, 파일을 쓰기 가능하게 바꾼 뒤 다시 저장하세요.</translation>
    </message>
    <message>
        <source>Read-only file</source>
        <translation>읽기 전용 파일</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save the changes to {name} before closing it?</source>
        <translation>{name}을(를) 닫기 전에 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>자동 저장 실패: {error}</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <source>Netwright did not close properly last time. Restore the unsaved network {name}?</source>
        <translation>지난번에 Netwright가 정상적으로 종료되지 않았습니다. 저장하지 않은 신경망 {name}을(를) 복원할까요?</translation>
    </message>
    <message>
        <source>Restored the unsaved network</source>
        <translation>저장하지 않은 신경망을 복원했습니다</translation>
    </message>
    <message>
        <source>The recovery file could not be kept: {error}</source>
        <translation>복구 파일을 보관할 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Parameters: unknown</source>
        <translation>파라미터: 알 수 없음</translation>
    </message>
    <message>
        <source>Parameters: {count:,}, frozen (trainable is off: training leaves them as they are)</source>
        <translation>파라미터: {count:,}개, 고정됨 (trainable이 꺼져 있어 학습해도 바뀌지 않습니다)</translation>
    </message>
    <message>
        <source>Trainable parameters: {count:,}</source>
        <translation>학습 파라미터: {count:,}개</translation>
    </message>
    <message>
        <source>{type} · {category} layer</source>
        <translation>{type} · {category} 레이어</translation>
    </message>
    <message>
        <source>{type} (unknown layer type)</source>
        <translation>{type} (알 수 없는 레이어 종류)</translation>
    </message>
    <message>
        <source>A training run is active: press Stop to edit this node.</source>
        <translation>학습이 진행 중입니다: 이 노드를 편집하려면 중지를 누르세요.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>The node&apos;s name in the file, the wires and the weights (e.g. &apos;h1.weight&apos;); press Enter to rename</source>
        <translation>파일, 연결, 가중치(예: &apos;h1.weight&apos;)에 쓰이는 노드 이름입니다. Enter를 누르면 이름이 바뀝니다</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>The trainable arrays of this layer and what their axes mean; the Weights view draws the matrix</source>
        <translation>이 레이어의 학습 배열과 각 축의 의미입니다. 가중치 뷰에서 행렬을 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Output shape: {shape}  (batch axis excluded)</source>
        <translation>출력 형태: {shape}  (배치 축 제외)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Inputs: {sources}</source>
        <translation>입력: {sources}</translation>
    </message>
    <message>
        <source>Select a single node to edit its parameters; click the empty canvas to edit the training settings.</source>
        <translation>노드 하나를 선택하면 파라미터를 편집할 수 있습니다. 캔버스의 빈 곳을 누르면 학습 설정을 편집합니다.</translation>
    </message>
    <message>
        <source>{n} nodes selected</source>
        <translation>노드 {n}개 선택됨</translation>
    </message>
    <message>
        <source>Parameters: {count:,}</source>
        <translation>파라미터: {count:,}개</translation>
    </message>
    <message>
        <source> ({count:,} frozen)</source>
        <translation> (고정 {count:,}개)</translation>
    </message>
    <message>
        <source>Problems: {n}</source>
        <translation>문제: {n}개</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>문제 없음</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>시스템 설정 ({language})</translation>
    </message>
    <message>
        <source>Language saved.</source>
        <translation>언어를 저장했습니다.</translation>
    </message>
    <message>
        <source>Language saved: it takes effect the next time Netwright starts.</source>
        <translation>언어를 저장했습니다: Netwright를 다음에 시작할 때 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>LessonsDock</name>
    <message>
        <source>Lesson step</source>
        <translation>레슨 단계</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>기초</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>최적화</translation>
    </message>
    <message>
        <source>CNNs</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>Each lesson explains one idea, then walks you through it on an example; the app checks each step as you train.</source>
        <translation>레슨마다 개념 하나를 설명하고 예제로 함께 따라가 봅니다. 학습하는 동안 앱이 단계마다 확인합니다.</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>레슨 열기</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>진행 상황 초기화</translation>
    </message>
    <message>
        <source>Forget which steps are done: every lesson starts again unticked</source>
        <translation>완료한 단계를 모두 지웁니다: 모든 레슨을 처음부터 다시 시작합니다</translation>
    </message>
    <message>
        <source>{done} of {steps} steps done</source>
        <translation>{steps}단계 중 {done}단계 완료</translation>
    </message>
    <message>
        <source>These lesson files could not be read:</source>
        <translation>다음 레슨 파일을 읽을 수 없습니다:</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy / error</source>
        <translation>정확도 / 오차</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Loss of this run and earlier runs</source>
        <translation>이번 실행과 이전 실행의 손실</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>기울기 노름</translation>
    </message>
    <message>
        <source>Weight matrix</source>
        <translation>가중치 행렬</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Activation curve</source>
        <translation>활성화 곡선</translation>
    </message>
    <message>
        <source>Softmax probabilities</source>
        <translation>Softmax 확률</translation>
    </message>
    <message>
        <source>Unit maps</source>
        <translation>유닛 맵</translation>
    </message>
    <message>
        <source>Convolution by hand</source>
        <translation>손으로 하는 합성곱</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Fitted curve</source>
        <translation>적합 곡선</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>Network health</source>
        <translation>신경망 상태 점검</translation>
    </message>
    <message>
        <source>One sample forward and backward</source>
        <translation>샘플 하나의 순전파와 역전파</translation>
    </message>
    <message>
        <source>this network has no Conv2D or pooling layer</source>
        <translation>이 신경망에는 Conv2D나 풀링 레이어가 없습니다</translation>
    </message>
    <message>
        <source>this network has no Softmax layer</source>
        <translation>이 신경망에는 Softmax 레이어가 없습니다</translation>
    </message>
    <message>
        <source>this network has no activation layer (Sigmoid, Tanh, ReLU, LeakyReLU, ELU)</source>
        <translation>이 신경망에는 활성화 레이어(Sigmoid, Tanh, ReLU, LeakyReLU, ELU)가 없습니다</translation>
    </message>
    <message>
        <source>the decision boundary needs a network with 2 inputs</source>
        <translation>결정 경계는 입력이 2개인 신경망에서만 볼 수 있습니다</translation>
    </message>
    <message>
        <source>the fitted curve needs a network with 1 input</source>
        <translation>적합 곡선은 입력이 1개인 신경망에서만 볼 수 있습니다</translation>
    </message>
    <message>
        <source>the confusion matrix needs a classifier</source>
        <translation>혼동 행렬은 분류 신경망에서만 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>레슨(&amp;L)</translation>
    </message>
    <message>
        <source>Guided lessons: each concept explained, then tried on an example with checks as you train</source>
        <translation>안내 레슨: 개념마다 설명을 읽고, 예제로 직접 해 보며 학습하는 동안 확인합니다</translation>
    </message>
    <message>
        <source>No lessons found</source>
        <translation>레슨이 없습니다</translation>
    </message>
    <message>
        <source>cannot be measured on this network: {why}</source>
        <translation>이 신경망에서는 잴 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>It held earlier: {what}</source>
        <translation>앞에서 이미 충족했습니다: {what}</translation>
    </message>
    <message>
        <source>Done earlier (Reset progress on the lesson list starts again).</source>
        <translation>앞에서 완료했습니다 (레슨 목록의 진행 상황 초기화로 다시 시작할 수 있습니다).</translation>
    </message>
    <message>
        <source>This step&apos;s change does not fit the network shown: {why}</source>
        <translation>이 단계의 변경을 지금 보이는 신경망에 적용할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Lesson {n}, step {k}</source>
        <translation>레슨 {n}, {k}단계</translation>
    </message>
    <message>
        <source>The network already has this change.</source>
        <translation>신경망에 이미 이 변경이 적용되어 있습니다.</translation>
    </message>
    <message>
        <source>Done: Edit ▸ Undo (Ctrl+Z) takes it back.</source>
        <translation>완료: 편집 ▸ 실행 취소(Ctrl+Z)로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>there is no lesson {n} in {folder}</source>
        <translation>{folder}에 레슨 {n}이(가) 없습니다</translation>
    </message>
    <message>
        <source>All lessons</source>
        <translation>레슨 목록</translation>
    </message>
    <message>
        <source>The idea</source>
        <translation>개념</translation>
    </message>
    <message>
        <source>The formula</source>
        <translation>수식</translation>
    </message>
    <message>
        <source>Intuition</source>
        <translation>직관</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>보여 주기</translation>
    </message>
    <message>
        <source>Let the app do what the step says to open or look at</source>
        <translation>단계에서 열거나 보라고 한 것을 앱이 대신 보여 줍니다</translation>
    </message>
    <message>
        <source>Do it for me</source>
        <translation>대신 해 주기</translation>
    </message>
    <message>
        <source>Make the step&apos;s change to the network (one step of Edit ▸ Undo)</source>
        <translation>이 단계의 변경을 신경망에 적용합니다 (편집 ▸ 실행 취소 한 번으로 되돌림)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Lesson {n} · {group}</source>
        <translation>레슨 {n} · {group}</translation>
    </message>
    <message>
        <source>Step {k} of {n}</source>
        <translation>{n}단계 중 {k}단계</translation>
    </message>
    <message>
        <source>This network has no training section, so there is nothing to race: open the lesson&apos;s example first.</source>
        <translation>이 신경망에는 학습 설정이 없어 경주할 것이 없습니다: 먼저 레슨의 예제를 여세요.</translation>
    </message>
    <message>
        <source>The example {name} is missing from {folder}.</source>
        <translation>{folder}에 예제 {name}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Your network has unsaved changes, so the example opened in a new window; yours is as you left it.</source>
        <translation>저장하지 않은 변경 사항이 있어 예제를 새 창에 열었습니다. 원래 신경망은 그대로입니다.</translation>
    </message>
    <message>
        <source>There is no node &apos;{node}&apos; in this network: open the lesson&apos;s example (Show me on the first step).</source>
        <translation>이 신경망에는 &apos;{node}&apos; 노드가 없습니다: 레슨의 예제를 여세요 (첫 단계의 보여 주기).</translation>
    </message>
    <message>
        <source>The {view} view has nothing to show here: {why}.</source>
        <translation>{view} 뷰에 보여 줄 것이 없습니다: {why}.</translation>
    </message>
    <message>
        <source>The {view} view appears here once training runs: press Train.</source>
        <translation>학습을 시작하면 {view} 뷰가 여기에 나타납니다: 학습을 누르세요.</translation>
    </message>
    <message>
        <source>The {view} view shows nothing for the selected node: {what}</source>
        <translation>{view} 뷰가 선택한 노드에 대해 보여 주는 것이 없습니다: {what}</translation>
    </message>
    <message>
        <source>waiting: {what} is read after {count} {unit}</source>
        <translation>기다리는 중: {what}은(는) {count} {unit} 뒤에 읽습니다</translation>
    </message>
    <message>
        <source> (after {count} {unit})</source>
        <translation> ({count} {unit} 후)</translation>
    </message>
    <message>
        <source>, needs </source>
        <translation>, 기준 </translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>스텝</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Press Train to start; loss curves and views appear here</source>
        <translation>학습을 누르면 시작합니다. 손실 곡선과 뷰가 여기에 나타납니다</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>&amp;Auto layout</source>
        <translation>자동 배치(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange the nodes left to right by depth (undoable)</source>
        <translation>노드를 깊이에 따라 왼쪽에서 오른쪽으로 배치합니다 (실행 취소 가능)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>예제(&amp;E)</translation>
    </message>
    <message>
        <source>Import &amp;CSV…</source>
        <translation>CSV 가져오기(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>Race &amp;optimizers...</source>
        <translation>옵티마이저 경주(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Concepts and examples</source>
        <translation>개념과 예제(&amp;C)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>About Netwright</source>
        <translation>Netwright 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Netwright&lt;/h3&gt;&lt;p&gt;Build neural networks by hand on a canvas and watch them learn.&lt;/p&gt;&lt;p&gt;Drag layers from the palette, wire output ports to input ports, pick the data and the optimizer in the inspector, and press Train.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Netwright&lt;/h3&gt;&lt;p&gt;캔버스에서 신경망을 직접 만들고 학습하는 모습을 지켜보세요.&lt;/p&gt;&lt;p&gt;레이어 목록에서 레이어를 끌어다 놓고, 출력 포트를 입력 포트에 연결하고, 속성 패널에서 데이터와 옵티마이저를 고른 뒤 학습을 누르세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <source>No examples found</source>
        <translation>예제가 없습니다</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Filter layers…</source>
        <translation>레이어 검색…</translation>
    </message>
    <message>
        <source>Type part of a layer name or of its description</source>
        <translation>레이어 이름이나 설명의 일부를 입력하세요</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Reset {name} to its default ({default})</source>
        <translation>{name}을(를) 기본값({default})으로 되돌립니다</translation>
    </message>
    <message>
        <source>above {value}</source>
        <translation>{value} 초과</translation>
    </message>
    <message>
        <source>at least {value}</source>
        <translation>{value} 이상</translation>
    </message>
    <message>
        <source>below {value}</source>
        <translation>{value} 미만</translation>
    </message>
    <message>
        <source>at most {value}</source>
        <translation>{value} 이하</translation>
    </message>
    <message>
        <source>{low} and {high}</source>
        <translation>{low}, {high}</translation>
    </message>
</context>
<context>
    <name>ParamNames</name>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Amsgrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Beta1</source>
        <translation>Beta1</translation>
    </message>
    <message>
        <source>Beta2</source>
        <translation>Beta2</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>Centered</source>
        <translation>중심화</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>Dampening</source>
        <translation>감쇠(dampening)</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>구분자</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>엡실론</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>수식</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터 수</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>머리글 행</translation>
    </message>
    <message>
        <source>High</source>
        <translation>최댓값</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Initial accumulator value</source>
        <translation>누적값 초깃값</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>커널 크기</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>최솟값</translation>
    </message>
    <message>
        <source>Lr decay</source>
        <translation>학습률 감쇠</translation>
    </message>
    <message>
        <source>Minimum lr</source>
        <translation>최소 학습률</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>빈 칸</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>음수 기울기</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <source>Outlier side</source>
        <translation>이상치 위치</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>이상치</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Period (t_max)</source>
        <translation>주기 (t_max)</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>풀 크기</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>곱 특징</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Scale target</source>
        <translation>타깃 스케일링</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>형태</translation>
    </message>
    <message>
        <source>Sine</source>
        <translation>사인 특징</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>제곱 특징</translation>
    </message>
    <message>
        <source>Step size</source>
        <translation>스텝 크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>타깃</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
</context>
<context>
    <name>ParamShapes</name>
    <message>
        <source>a single number</source>
        <translation>숫자 하나</translation>
    </message>
    <message>
        <source>one per feature or channel</source>
        <translation>특징이나 채널마다 하나</translation>
    </message>
    <message>
        <source>out × in: one row per unit, one column per input</source>
        <translation>출력 × 입력: 유닛마다 행 하나, 입력마다 열 하나</translation>
    </message>
    <message>
        <source>filters × in-channels × k</source>
        <translation>필터 × 입력 채널 × k</translation>
    </message>
    <message>
        <source>filters × in-channels × kh × kw</source>
        <translation>필터 × 입력 채널 × kh × kw</translation>
    </message>
    <message>
        <source>one per output unit or channel</source>
        <translation>출력 유닛이나 채널마다 하나</translation>
    </message>
</context>
<context>
    <name>ParamWidgets</name>
    <message>
        <source>a number too long to show</source>
        <translation>보여 주기에 너무 긴 숫자</translation>
    </message>
    <message>
        <source>e.g. 2  or  1, 28, 28</source>
        <translation>예: 2  또는  1, 28, 28</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Choose the folder in a dialog</source>
        <translation>대화 상자에서 폴더를 고릅니다</translation>
    </message>
    <message>
        <source>Choose the file in a dialog</source>
        <translation>대화 상자에서 파일을 고릅니다</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>폴더 선택</translation>
    </message>
    <message>
        <source>Data files ({patterns});;</source>
        <translation>데이터 파일 ({patterns});;</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <source>valid: no padding (the map shrinks); same: pad so that the size stays (stride 1); custom: that many zero pixels per side</source>
        <translation>valid: 패딩 없음 (맵이 작아짐); same: 크기가 그대로 되도록 패딩 (스트라이드 1); custom: 한 변마다 지정한 수만큼 0 픽셀</translation>
    </message>
</context>
<context>
    <name>Rename</name>
    <message>
        <source>an id cannot be empty</source>
        <translation>id는 비워 둘 수 없습니다</translation>
    </message>
    <message>
        <source>an id starts with a letter or _ and holds only letters, digits, _ and -: {id} does not</source>
        <translation>id는 영문자나 _로 시작하고 영문자, 숫자, _, -만 쓸 수 있습니다: {id}은(는) 맞지 않습니다</translation>
    </message>
    <message>
        <source>another node is already called {id}</source>
        <translation>{id}(이)라는 노드가 이미 있습니다</translation>
    </message>
</context>
<context>
    <name>SchedulePlot</name>
    <message>
        <source>the learning rate {lr:g} is not a finite number</source>
        <translation>학습률 {lr:g}은(는) 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>the learning rate overflows at epoch {epoch:,} (it grows past the largest number a computer holds): use a smaller gamma or fewer epochs</source>
        <translation>학습률이 에폭 {epoch:,}에서 넘칩니다 (컴퓨터가 담을 수 있는 가장 큰 수를 넘음): gamma를 줄이거나 에폭 수를 줄이세요</translation>
    </message>
    <message>
        <source>epochs must be a whole number, got {value}</source>
        <translation>에폭 수는 정수여야 합니다: {value}</translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation>미리 보기 없음: {reason}</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Not training</source>
        <translation>학습 중 아님</translation>
    </message>
    <message>
        <source>{count:,} parameters</source>
        <translation>파라미터 {count:,}개</translation>
    </message>
    <message>
        <source>Trainable numbers in the whole network (weights and biases)</source>
        <translation>신경망 전체의 학습되는 숫자 (가중치와 편향)</translation>
    </message>
    <message>
        <source>✔ valid</source>
        <translation>✔ 정상</translation>
    </message>
    <message>
        <source>Empty network: drag a layer from the palette</source>
        <translation>빈 신경망: 레이어 목록에서 레이어를 끌어 오세요</translation>
    </message>
    <message>
        <source>⚠ 1 problem: {first}</source>
        <translation>⚠ 문제 1개: {first}</translation>
    </message>
    <message>
        <source>⚠ {count} problems: {first}</source>
        <translation>⚠ 문제 {count}개: {first}</translation>
    </message>
    <message>
        <source>{size} to train</source>
        <translation>학습 메모리 {size}</translation>
    </message>
    <message>
        <source>More than Netwright allows: training would be refused.</source>
        <translation>Netwright 허용량보다 큽니다: 학습이 거부됩니다.</translation>
    </message>
    <message>
        <source>Fits the budget.</source>
        <translation>허용량 안입니다.</translation>
    </message>
    <message>
        <source>Memory to train: {memory} (without Python and NumPy themselves)</source>
        <translation>학습에 필요한 메모리: {memory} (Python과 NumPy 자체는 제외)</translation>
    </message>
    <message>
        <source>Budget: {size} ({why}). {verdict}</source>
        <translation>허용량: {size} ({why}). {verdict}</translation>
    </message>
</context>
<context>
    <name>TrainingInspector</name>
    <message>
        <source>This file has no training section, so Train uses the defaults shown below. Change any of them to give the network its own.</source>
        <translation>이 파일에는 학습 설정이 없어 아래 기본값으로 학습합니다. 하나라도 바꾸면 이 신경망만의 설정이 됩니다.</translation>
    </message>
    <message>
        <source>2-D toy</source>
        <translation>2차원 예제</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>real</source>
        <translation>실제 데이터</translation>
    </message>
    <message>
        <source>images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Unknown {what} {name}: choose one in the list</source>
        <translation>알 수 없는 {what} {name}: 목록에서 고르세요</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>학습 설정</translation>
    </message>
    <message>
        <source>Select a node on the canvas to edit it; click the empty canvas to come back here.</source>
        <translation>캔버스에서 노드를 선택하면 편집할 수 있습니다. 캔버스의 빈 곳을 누르면 여기로 돌아옵니다.</translation>
    </message>
    <message>
        <source>A training run is active (running or paused): press Stop to change these settings.</source>
        <translation>학습이 진행 중입니다(실행 또는 일시정지): 이 설정을 바꾸려면 중지를 누르세요.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Regularization (penalties on the weights)</source>
        <translation>정규화 (가중치에 주는 페널티)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
</context>
</TS>

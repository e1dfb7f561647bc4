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
            <source>Reconnect '{src}' to '{dst}'</source>
            <translation>'{src}'을(를) '{dst}'에 다시 연결</translation>
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
            <source>This node's output for the chosen sample: {count}, {shown}.</source>
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
            <source>Add {type} '{id}'</source>
            <translation>{type} '{id}' 추가</translation>
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
            <source>Set {name} of '{id}'</source>
            <translation>'{id}'의 {name} 설정</translation>
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
            <source>Wire '{src}' -&gt; '{dst}'</source>
            <translation>'{src}' -&gt; '{dst}' 연결</translation>
        </message>
        <message>
            <source>Delete wire '{src}' -&gt; '{dst}'</source>
            <translation>'{src}' -&gt; '{dst}' 연결 삭제</translation>
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
            <source>Rename '{old}' to '{new}'</source>
            <translation>'{old}'의 이름을 '{new}'(으)로 변경</translation>
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
            <source>fill with the column's mean</source>
            <translation>열의 평균으로 채움</translation>
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
            <source>An empty cell: see 'Missing cells' below</source>
            <translation>빈 칸: 아래 '빈 칸' 설정을 보세요</translation>
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
            <source>Downloading {name} once into Netwright's cache ({folder})</source>
            <translation>{name} 데이터셋을 Netwright 캐시에 한 번 내려받는 중 ({folder})</translation>
        </message>
        <message>
            <source>download of {name} cancelled: nothing was kept. Press Train to download it again.</source>
            <translation>{name} 내려받기를 취소했습니다: 받은 것은 남기지 않았습니다. 학습을 누르면 다시 내려받습니다.</translation>
        </message>
        <message>
            <source>{error} (Browse... next to 'folder' in the dataset's inspector chooses it.)</source>
            <translation>{error} (데이터셋 속성의 'folder' 옆 찾아보기...로 고를 수 있습니다.)</translation>
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
            <source>One .onnx file (opset 17): input 'input' with any batch size, output 'output'.</source>
            <translation>.onnx 파일 하나(opset 17): 입력 'input'(배치 크기 자유), 출력 'output'.</translation>
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
            <source>The node's name in the file, the wires and the weights (e.g. 'h1.weight'); press Enter to rename</source>
            <translation>파일, 연결, 가중치(예: 'h1.weight')에 쓰이는 노드 이름입니다. Enter를 누르면 이름이 바뀝니다</translation>
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
            <source>It held earlier: {what}</source>
            <translation>앞에서 이미 충족했습니다: {what}</translation>
        </message>
        <message>
            <source>Done earlier (Reset progress on the lesson list starts again).</source>
            <translation>앞에서 완료했습니다 (레슨 목록의 진행 상황 초기화로 다시 시작할 수 있습니다).</translation>
        </message>
        <message>
            <source>This step's change does not fit the network shown: {why}</source>
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
            <source>Make the step's change to the network (one step of Edit ▸ Undo)</source>
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
            <source>This network has no training section, so there is nothing to race: open the lesson's example first.</source>
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
            <source>There is no node '{node}' in this network: open the lesson's example (Show me on the first step).</source>
            <translation>이 신경망에는 '{node}' 노드가 없습니다: 레슨의 예제를 여세요 (첫 단계의 보여 주기).</translation>
        </message>
        <message>
            <source>The {view} view has nothing to show here: {why}.</source>
            <translation>{view} 뷰에 보여 줄 것이 없습니다: {why}.</translation>
        </message>
        <message>
            <source>The {view} view shows nothing for the selected node: {what}</source>
            <translation>{view} 뷰가 선택한 노드에 대해 보여 주는 것이 없습니다: {what}</translation>
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
